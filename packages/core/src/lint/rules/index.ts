import type { Rule } from '../rule.js';
import { cacheSize } from './cache-size.js';
import { configmapJson } from './configmap-json.js';
import { delegatedConfig } from './delegated-config.js';
import { dnsForwardMax } from './dns-forward-max.js';
import { logFacility } from './log-facility.js';
import { logQueries } from './log-queries.js';
import { mergedArguments } from './merged-arguments.js';
import { negTtl } from './neg-ttl.js';
import { noNegcache } from './no-negcache.js';
import { noUpstream } from './no-upstream.js';
import { optionArgument } from './option-argument.js';
import { repeatedOption } from './repeated-option.js';
import { resolvConf } from './resolv-conf.js';
import { serverSuspicious } from './server-suspicious.js';
import { serverSyntax } from './server-syntax.js';
import { unknownOption } from './unknown-option.js';
import { yamlSyntax } from './yaml-syntax.js';

/** Every rule that looks at the manifest, in reporting order. */
export const MODEL_RULES: readonly Rule[] = [
  yamlSyntax,
  noNegcache,
  logQueries,
  logFacility,
  serverSyntax,
  serverSuspicious,
  unknownOption,
  optionArgument,
  repeatedOption,
  noUpstream,
  configmapJson,
  delegatedConfig,
  resolvConf,
  negTtl,
  cacheSize,
  dnsForwardMax,
  mergedArguments,
];
