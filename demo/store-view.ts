import type { StoreView } from 'terra-sandbox';
import type { TerraStore } from 'terra-store';

/**
 * terra-store as the sandbox's store view: the dashboard's "Sent vs stored" panel reads a user's records
 * of one type through `store.records`, and compares them with what the sandbox delivered. The sandbox
 * never imports terra-store; this process, which owns both, joins them.
 */
export function storeViewOf(store: TerraStore, label: string): StoreView {
  return { label, records: (userId, type) => store.records(type, userId) };
}
