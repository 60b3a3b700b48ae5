import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/api-error.ts';
import type { Depot, Item } from '../../api/types.ts';
import { useApi } from '../../hooks/use-api.ts';
import { itemName } from '../catalogue-page.tsx';

export interface StockCatalogue {
  items: Item[];
  depots: Depot[];
  /** An item's name in the reader's language (its id when the catalogue does not know it). */
  itemLabel(id: string): string;
  depotLabel(id: string): string;
  sizesOf(id: string): string[];
  error: ApiError | undefined;
  ready: boolean;
}

/** The catalogue and the depots, which every stock page names things by. */
export function useStockCatalogue(): StockCatalogue {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const items = useApi<{ items: Item[] }>('/api/items');
  const depots = useApi<{ depots: Depot[] }>('/api/depots');
  return useMemo(() => {
    const itemList = items.data?.items ?? [];
    const depotList = depots.data?.depots ?? [];
    const byItem = new Map(itemList.map((i) => [i.id, i]));
    const byDepot = new Map(depotList.map((d) => [d.id, d]));
    return {
      items: itemList,
      depots: depotList,
      itemLabel: (id) => {
        const item = byItem.get(id);
        return item ? itemName(item, lang) : id;
      },
      depotLabel: (id) => byDepot.get(id)?.name ?? id,
      sizesOf: (id) => byItem.get(id)?.sizes.map((s) => s.label) ?? [],
      error: items.error ?? depots.error,
      ready: items.data !== undefined && depots.data !== undefined,
    };
  }, [items.data, items.error, depots.data, depots.error, lang]);
}
