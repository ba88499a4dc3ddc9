/**
 * Placeholders a deploy tool replaces before the manifest reaches Kubernetes. A word holding one
 * has no value we can judge.
 */
const MARKED_PLACEHOLDERS: readonly RegExp[] = [
  /\{\{[\s\S]*?\}\}/, // Go / Helm / Jinja2 expression
  /\{%[\s\S]*?%\}/, // Jinja2 statement
  /<%[\s\S]*?%>/, // ERB
  /[$%]\{[^}\n]*\}/, // Terraform / shell `${x}`, Terraform `%{ }`
  /__[A-Z][A-Z0-9]*(?:_{1,2}[A-Z0-9]+)*__/, // sed placeholders: __PILLAR__DNS__DOMAIN__
  /\$(?:[A-Za-z_][A-Za-z0-9_]*|[@*#?$!0-9])/, // $DNS_DOMAIN (sed / envsubst / shell), "$@" in a script
  /\$\([^()\n]*\)/, // Kubernetes expands $(POD_IP) in command and args from the container's env; a script's $(hostname -i)
  /<[A-Za-z][A-Za-z0-9_.-]*>/, // acs-engine `<imgMasq>`
];

/**
 * Bare snake_case names standing where a value belongs (`/dns_domain/` in kubernetes' `.yaml.in`
 * files). They are only taken as placeholders in files whose name or content says "template":
 * elsewhere `dns_domain` is a (strange but) real domain.
 */
const BARE_PLACEHOLDER = /(?:^|[/=,@#:'"])'?[a-z][a-z0-9]*(?:_[a-z0-9]+)+'?(?=$|[/,@#:'"])/;

const TEMPLATE_FILE = /\.(in|sed|base|j2|jinja2?|tpl|tmpl|template|erb|gotmpl)$/i;

export function isTemplateFileName(filePath: string | undefined): boolean {
  return filePath !== undefined && TEMPLATE_FILE.test(filePath);
}

export function holdsPlaceholder(word: string, bareNamesArePlaceholders: boolean): boolean {
  for (const re of MARKED_PLACEHOLDERS) if (re.test(word)) return true;
  return bareNamesArePlaceholders && BARE_PLACEHOLDER.test(word);
}
