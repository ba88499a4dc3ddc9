export interface CatalogRule {
  readonly id: string;
  readonly docsUrl: string;
}
/** The settings properties with one `kubeDnsTools.rules.<id>` per reportable rule of `catalog`, other settings kept. */
export function syncedProperties(properties: Record<string, unknown>, catalog: readonly CatalogRule[]): Record<string, unknown>;
export function ruleCatalog(resolveDir: string): Promise<CatalogRule[]>;
