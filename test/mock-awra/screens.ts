/** Every screen of the mock AWRA app worth a look: the demo visits them, the popup test escalates from them. */
export const MOCK_SCREENS = [
  '/sync-hub',
  '/qbo-sync',
  '/qbo-sync/INV-20417',
  '/integrations',
  '/invoices/INV-20417',
  '/invoices/INV-20422',
  '/payments/PAY-8812',
  '/bills/BILL-3112',
  '/customers/CUS-1057',
  '/',
] as const;
