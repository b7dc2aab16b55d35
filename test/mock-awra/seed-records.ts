/** Seed: AWRA source documents behind the sync items (one "|"-separated line per document). */
import type { SourceRecord } from './types';

const STATES: Record<SourceRecord['kind'], string[]> = {
  invoice: ['Draft', 'Awaiting approval', 'Approved', 'Posted', 'Void'],
  payment: ['Pending', 'Confirmed', 'Reversed', 'Cancelled'],
  bill: ['Draft', 'Awaiting approval', 'Approved', 'Posted'],
  customer: ['Active', 'Inactive'],
};

const LABELS: Record<SourceRecord['kind'], string[]> = {
  invoice: ['Customer', 'Branch', 'Warehouse', 'Invoice date', 'Due date', 'Amount', 'Created by'],
  payment: ['Customer', 'Method', 'Provider reference', 'Amount', 'Branch', 'Applied to'],
  bill: ['Vendor', 'Branch', 'Warehouse', 'Bill date', 'Tax code', 'Amount'],
  customer: ['Customer name', 'Phone', 'Email', 'Branch', 'KRA PIN', 'Credit limit'],
};

// number | status | field values in LABELS order (an empty value is a blank field)
const INVOICES = [
  'INV-20417|Posted|Kilimo Fresh Ltd|Nairobi HQ|WH-Nairobi Main|2026-11-18|2026-12-18|KES 48,720.00|Amina Wanjiru',
  'INV-20418|Posted||Westlands Branch|WH-Westlands|2026-11-18|2026-12-18|KES 12,300.00|Brian Otieno',
  'INV-20391|Posted|Rift Valley Agrovet|Nakuru Branch|WH-Nakuru|2026-11-16|2026-12-16|KES 7,950.00|Grace Chebet',
  'INV-20422|Draft|Kilimo Fresh Ltd|Nairobi HQ|WH-Nairobi Main|2026-11-18|2026-12-18|KES 3,480.00|Amina Wanjiru',
  'INV-20426|Posted|Mombasa Traders|Mombasa Branch|WH-Mombasa|2026-11-18|2026-12-18|KES 22,140.00|Hassan Omar',
  'INV-20430|Posted|Lakeside Supermarket|Kisumu Branch|WH-Kisumu|2026-11-18|2026-12-18|KES 15,600.00|Janet Akinyi',
  'INV-20409|Posted|Kilimo Fresh Ltd|Nairobi HQ|WH-Nairobi Main|2026-11-17|2026-12-17|KES 9,860.00|Amina Wanjiru',
  'INV-20412|Posted|Lakeside Supermarket|Kisumu Branch|WH-Kisumu|2026-11-17|2026-12-17|KES 4,200.00|Janet Akinyi',
];
const PAYMENTS = [
  'PAY-8812|Confirmed|Kilimo Fresh Ltd|M-Pesa Paybill 522533|RKT4Q1ZP9L|KES 48,720.00|Nairobi HQ|INV-20417',
  'PAY-8807|Confirmed|Rift Valley Agrovet|Bank transfer|EQB-771203|KES 7,950.00|Nakuru Branch|INV-20391',
  'PAY-8815|Pending|Lakeside Supermarket|Card (Paystack)|T4822015|KES 15,600.00|Kisumu Branch|INV-20430',
  'PAY-8816|Pending|Wanjiku Stores|Card (Paystack)|T4821937|KES 2,150.00|Westlands Branch|—',
  'PAY-8819|Confirmed|Kilimo Fresh Ltd|Card (Paystack)|T4821990|KES 9,860.00|Nairobi HQ|INV-20409',
  'PAY-8820|Pending|Mombasa Traders|Card (Paystack)|PAY-8820-KE|KES 22,140.00|Mombasa Branch|INV-20426',
  'PAY-8821|Pending|Rift Valley Agrovet|M-Pesa STK push|ws_CO_181120260859|KES 5,400.00|Nakuru Branch|—',
  'PAY-8823|Pending|Wanjiku Stores|M-Pesa STK push|ws_CO_181120260900|KES 1,280.00|Westlands Branch|—',
  'PAY-8824|Confirmed|Lakeside Supermarket|M-Pesa STK push|RKT4Q2BX7M|KES 4,200.00|Kisumu Branch|INV-20412',
  'PAY-8826|Cancelled|Wanjiku Stores|M-Pesa STK push|ws_CO_181120260833|KES 640.00|Westlands Branch|—',
];
const BILLS = [
  'BILL-3107|Approved|Mombasa Packaging Co.|Mombasa Branch|WH-Mombasa|2026-11-17|VAT 16% (Purchases)|KES 96,400.00',
  'BILL-3112|Posted|Thika Dairy Supplies|Nairobi HQ|WH-Nairobi Main|2026-11-18|VAT 16% (Purchases)|KES 31,075.00',
];
const CUSTOMERS = [
  'CUS-1012|Active|Kilimo Fresh Ltd|+254 722 410 118|accounts@kilimofresh.co.ke|Nairobi HQ|P051234567K|KES 500,000.00',
  'CUS-1044|Active|Wanjiku Stores||wanjikustores@gmail.com|Westlands Branch|A009876543Z|KES 50,000.00',
  'CUS-1057|Active|Mombasa Traders|+254 733 902 441|finance@mombasatraders.co.ke|Mombasa Branch|P052222333M|KES 250,000.00',
];

function parse(kind: SourceRecord['kind'], line: string): SourceRecord {
  const [number = '', docStatus = '', ...values] = line.split('|');
  const fields = LABELS[kind].map((label, i) => ({ label, value: values[i] ?? '' }));
  return { number, kind, docStatus, statusOptions: STATES[kind], fields };
}

export function seedRecords(): SourceRecord[] {
  return [
    ...INVOICES.map((l) => parse('invoice', l)),
    ...PAYMENTS.map((l) => parse('payment', l)),
    ...BILLS.map((l) => parse('bill', l)),
    ...CUSTOMERS.map((l) => parse('customer', l)),
  ];
}
