import type { ArgInsertion, ConfigMapConf, DnsmasqInvocation, ManifestArg } from './model.js';
import { CONF_FILE_KIND, looksLikeDnsmasqConf, readDnsmasqConf } from './conf-file-reader.js';

/** Edits inside a ConfigMap's conf text would have to respect the YAML scalar around it: no fix is offered there. */
const NOT_IN_CONFIGMAP = 'the conf text is a ConfigMap value; edit it there by hand';

const noEdits: ArgInsertion = {
  append() {
    throw new Error(NOT_IN_CONFIGMAP);
  },
  cannotAppend: NOT_IN_CONFIGMAP,
  replace() {
    throw new Error(NOT_IN_CONFIGMAP);
  },
  remove() {
    throw new Error(NOT_IN_CONFIGMAP);
  },
};

/**
 * Reads the conf text of a ConfigMap `data` key as the dnsmasq conf file it becomes once mounted, with every
 * range inside the ConfigMap value. Undefined when the text does not read as dnsmasq conf.
 */
export function readConfigMapConf(conf: ConfigMapConf): DnsmasqInvocation | undefined {
  const { value } = conf.value;
  if (conf.value.templated || !looksLikeDnsmasqConf(value)) return undefined;
  const inner = readDnsmasqConf(value).invocations[0];
  if (!inner) return undefined;
  const at = conf.value.map ?? ((i: number) => conf.value.range.start + i);
  const endOf = (end: number): number => (end > 0 ? at(end - 1) + 1 : at(0));
  const args: ManifestArg[] = inner.args.map((a) => {
    const map = a.map;
    return { ...a, start: at(a.start), end: endOf(a.end), map: (i: number) => (map ? at(map(i)) : at(a.start + i)) };
  });
  const lineStarts = [0];
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const first = args[0];
  return {
    workload: { ...conf.workload, kind: CONF_FILE_KIND, name: `${conf.workload.name ?? 'ConfigMap'} ${conf.key}`, kindRange: conf.workload.kindRange },
    containerRange: first ? { start: first.start, end: first.end } : conf.value.range,
    launcher: 'direct',
    args,
    insertion: noEdits,
    tolerant: false,
    confLineStarts: lineStarts.map(at),
  };
}
