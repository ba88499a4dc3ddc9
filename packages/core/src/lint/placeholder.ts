/** Template syntax that stands for text rendered later (Helm/Go, Jinja2, ERB, Terraform, shell/sed placeholders). */
const PLACEHOLDER = /\{\{|\{%|<%|\$\{|\$[A-Za-z_]|__[A-Z][A-Z0-9_]*__|<[A-Za-z][A-Za-z0-9_]*>/;

export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}
