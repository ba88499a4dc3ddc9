import { OPTION_TABLE } from '../../src/dnsmasq/options/option-table.js';
import { SWAPPABLE_OPTIONS } from './seed-argvs.js';

/** A small deterministic PRNG (mulberry32) so every run generates the same cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
type Mutation = (argv: string[], rand: Rand) => string[];

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const at = (rand: Rand, argv: readonly string[]): number => Math.floor(rand() * argv.length);

const PORTS = ['0', '53', '10053', '65535', '65536', '99999', '-1', '', 'abc', '053', '1e3', '5353#53', ' 53', '4294967349'];
const NUMBERS = ['0', '1', '49', '50', '100', '150', '3600', '7200', '65536', '5000001', '2147483648', '4294967396', '99999999999', '', '-1', '1k', ' 100', '1h', '0x10', '+5', '12,34'];
const ADDRESSES = ['127.0.0.1', '::1', 'fe80::1%lo', 'fe80::1%nosuchif0', '2001:db8::1', '::ffff:127.0.0.1', '1::2::3', '2001:db8::zz', '127.1', '0x7f000001', '0177.0.0.1', '0.0.0.0', '::', '[::1]', '127.0.0.1:53', '192.0.2.1', '256.1.1.1', '1.2.3.4.5', '127.0.0.1,127.0.0.2',
  // Malformed dotted literals, which dnsmasq hands to getaddrinfo as host names and refuses: negative or oversized
  // octets, wrong part counts, leading zeros, hex and octal forms, bad IPv6 groups, scope ids, brackets.
  '10.96.0.-1', '10.96.-1.0', '10.96.0.256', '10.96.0.999', '10.96.1', '10.96.0.1.5', '10..0.1', '10.96.0.', '010.96.0.10',
  '10.96.0.010', '0x0a.0.0.1', '0xa.0x60.0.0xa', '0x100.0.0.1', '00x1.0.0.1', '0x', '10.96.0.09', '10.96.0.1a', '10.96.0.1-',
  '1e3.1.1.1', '4294967295', '4294967296', '1.16777216', '1.2.65536', '-1.2.3.4', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', '::g',
  '12345::1', ':::1', '2001:db8:::1', '::ffff:1.2.3.256', '::ffff:1.2.3', 'fe80::1%', 'fe80::1%lo', '::1%1', '10.96.0.10%lo',
  '[10.96.0.10]', '[::1]:53', '[fe80::1%lo]'];
const SEPARATORS = ['#', ':', '@', '/', ',', '%', '=', '##', '//'];

const replaceWord = (argv: string[], i: number, word: string): string[] => argv.map((w, k) => (k === i ? word : w));

const mutations: Mutation[] = [
  // ports: every `#...` part gets another port
  (argv, rand) => {
    const i = at(rand, argv);
    return replaceWord(argv, i, argv[i]!.replace(/#[^/@,]*/, () => `#${pick(rand, PORTS)}`));
  },
  // numbers: the value of a numeric-looking option
  (argv, rand) => {
    const i = at(rand, argv);
    return replaceWord(argv, i, argv[i]!.replace(/=(\d[\d,]*)?$/, () => `=${pick(rand, NUMBERS)}`));
  },
  // separators: `--opt=value` <-> `--opt value`
  (argv, rand) => {
    const i = at(rand, argv);
    const w = argv[i]!;
    const eq = w.indexOf('=');
    if (w.startsWith('--') && eq > 0) return [...argv.slice(0, i), w.slice(0, eq), w.slice(eq + 1), ...argv.slice(i + 1)];
    if (w.startsWith('--') && i + 1 < argv.length) return [...argv.slice(0, i), `${w}=${argv[i + 1]}`, ...argv.slice(i + 2)];
    return argv;
  },
  // abbreviations of long names
  (argv, rand) => {
    const i = at(rand, argv);
    const m = /^--([^=]+)(.*)$/.exec(argv[i]!);
    if (!m) return argv;
    const name = m[1]!;
    return replaceWord(argv, i, `--${name.slice(0, 1 + Math.floor(rand() * name.length))}${m[2]}`);
  },
  // bundles of short options, an argument letter possibly in the middle
  (argv, rand) => {
    const shorts = OPTION_TABLE.filter((o) => o.short && o.shortArg === 'none' && o.repeat === 'flag' && !'vw'.includes(o.short)).map((o) => o.short!);
    const letters = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(rand, shorts)).join('');
    const tail = pick(rand, ['', 'c', 'c500', 'p5353', 'S127.0.0.1', 'q']);
    const word = `-${letters}${tail}`;
    const i = at(rand, argv);
    const extra = tail === 'c' ? [pick(rand, NUMBERS)] : [];
    return [...argv.slice(0, i), word, ...extra, ...argv.slice(i)];
  },
  // addresses, IPv6 among them
  (argv, rand) => {
    const i = at(rand, argv);
    return replaceWord(argv, i, argv[i]!.replace(/(\d+\.\d+\.\d+\.\d+|::1|fd00::)/, () => pick(rand, ADDRESSES)));
  },
  // slashes: add, drop or double one
  (argv, rand) => {
    const i = at(rand, argv);
    const w = argv[i]!;
    const eq = Math.max(w.indexOf('='), 0);
    const p = eq + Math.floor(rand() * (w.length - eq + 1));
    const op = rand();
    if (op < 0.4) return replaceWord(argv, i, `${w.slice(0, p)}/${w.slice(p)}`);
    if (op < 0.7) return replaceWord(argv, i, w.replace(/\/(?=[^/]*$)/, ''));
    return replaceWord(argv, i, `${w}/`);
  },
  // one separator character swapped for another
  (argv, rand) => {
    const i = at(rand, argv);
    const w = argv[i]!;
    const positions = [...w].flatMap((c, k) => ('#:@/,%'.includes(c) && k > 2 ? [k] : []));
    if (positions.length === 0) return argv;
    const p = pick(rand, positions);
    return replaceWord(argv, i, `${w.slice(0, p)}${pick(rand, SEPARATORS)}${w.slice(p + 1)}`);
  },
  // repetition of an option (once-options must fail)
  (argv, rand) => {
    const i = at(rand, argv);
    return [...argv, argv[i]!];
  },
  // junk and blank words
  (argv, rand) => {
    const i = at(rand, argv);
    return [...argv.slice(0, i), pick(rand, ['extra', ' ', '', '-', '--', 'x y', '\t']), ...argv.slice(i)];
  },
  // another option's name on this value
  (argv, rand) => {
    const i = at(rand, argv);
    const m = /^--([^=]+)=(.*)$/.exec(argv[i]!);
    if (!m) return argv;
    return replaceWord(argv, i, `--${pick(rand, SWAPPABLE_OPTIONS)}=${m[2]}`);
  },
  // a word dropped (values and options come apart)
  (argv, rand) => (argv.length > 1 ? argv.filter((_, k) => k !== at(rand, argv)) : argv),
];

export function mutate(argv: readonly string[], rand: Rand): string[] {
  let out = [...argv];
  const rounds = 1 + Math.floor(rand() * 3);
  for (let r = 0; r < rounds; r++) out = pick(rand, mutations)(out, rand);
  return out;
}
