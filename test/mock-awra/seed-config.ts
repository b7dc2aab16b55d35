/** Seed: connectors (M-Pesa and SMTP need re-authorization) and QuickBooks mappings. */
import type { Connector, ConnectorId, Mapping } from './types';

export function seedConnectors(): Connector[] {
  const c = (id: ConnectorId, name: string, authorized: boolean, description: string) => ({
    id,
    name,
    authorized,
    description,
  });
  return [
    c('qbo', 'QuickBooks Online', true, 'Accounting: invoices, payments, bills, customers'),
    c('paystack', 'Paystack', true, 'Card and bank payments'),
    c('mpesa', 'M-Pesa (Daraja)', false, 'Safaricom STK push and Paybill 522533'),
    c('smtp', 'SMTP email', false, 'Invoice and statement emails via mail.awra-mail.co.ke'),
    c('sms', 'SMS gateway', true, 'Payment reminders and receipts'),
    c('webhooks', 'Webhooks', true, 'Event notices to partner systems'),
  ];
}

// id | kind | AWRA value | QuickBooks value (blank: not linked) | value a fix links to | linked | note
const MAPPINGS = [
  'MAP-ACC-01|Account|Sales - M-Pesa||4020 Sales:Mobile Money|no|Income account not linked',
  'MAP-PM-02|Payment method|M-Pesa Paybill 522533||M-Pesa|no|Payment method not linked',
  'MAP-TAX-03|Tax code|VAT 16% (Purchases)||VAT 16% P|no|No matching QuickBooks tax rate',
  'MAP-ITM-04|Item|Maize Flour 2kg|Maize Flour 2kg (inactive)|Maize Flour 2kg - 2026|no|Linked item is inactive in QuickBooks',
  'MAP-ACC-05|Account|Sales - Card|4010 Sales:Card|4010 Sales:Card|yes|Linked',
  'MAP-CUS-06|Customer|Kilimo Fresh Ltd|Kilimo Fresh Limited|Kilimo Fresh Limited|yes|Linked',
  'MAP-WH-07|Warehouse|WH-Mombasa|Class: Mombasa|Class: Mombasa|yes|Linked',
  'MAP-TAX-08|Tax code|VAT 16% (Sales)|VAT 16% S|VAT 16% S|yes|Linked',
];

export function seedMappings(): Mapping[] {
  return MAPPINGS.map((line) => {
    const [
      id = '',
      kind = '',
      awraValue = '',
      outsideValue = '',
      suggested = '',
      linked,
      note = '',
    ] = line.split('|');
    return {
      id,
      kind,
      awraValue,
      outsideValue,
      suggested,
      connector: 'qbo',
      linked: linked === 'yes',
      note,
    };
  });
}
