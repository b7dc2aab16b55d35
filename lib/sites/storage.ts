import { storage } from 'wxt/utils/storage';

/** Admin-added site patterns ("https://erp.acme.co.ke/*"), kept in the extension's local storage. */
export const sitesItem = storage.defineItem<string[]>('local:sites', { fallback: [] });
