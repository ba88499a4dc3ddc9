// Types of the differential scenario file (format "dnsmasq-differential-scenarios/1").

/** A resource record as the scenario file writes it; `data` depends on the type. */
export interface ScenarioRecord {
  name: string;
  type?: string;
  ttl?: number;
  data?: unknown;
  ttl_tolerance?: number;
}

/** One scripted answer of a fake upstream. */
export interface UpstreamResponse {
  rcode?: string;
  aa?: boolean;
  ra?: boolean;
  tc?: boolean;
  ad?: boolean;
  answers?: ScenarioRecord[];
  authority?: ScenarioRecord[];
  additional?: ScenarioRecord[];
  drop?: boolean;
  delay_ms?: number;
  id_xor?: number;
  wrong_port?: boolean;
  question?: { name: string; type?: string };
  no_question?: boolean;
  echo_edns?: boolean;
  /** UDP only: replies sent just before this one (forgeries: id_xor, wrong_port, question, no_question). */
  forged?: UpstreamResponse[];
  /** Sends only the first N bytes of the encoded reply. */
  truncate_to?: number;
  /** Sends the reply's first 4 header bytes (ID, flags), claiming 1 question and 3 answers, then bytes that decode to nothing. */
  garbage?: boolean;
}

export interface UpstreamRule {
  match?: { name?: string; type?: string; transport?: 'udp' | 'tcp' };
  responses?: UpstreamResponse[];
  response?: UpstreamResponse;
  cycle?: boolean;
}

/** The behaviour script of one fake upstream. */
export interface UpstreamScript {
  /** Listen address: 127.0.0.1 by default, `::1`, or `127.54.*` for a free random address in 127.54.0.0/16. */
  host?: string;
  /** Fixed port (53 for a resolv file, which cannot name a port); a free port by default. */
  port?: number;
  rules?: UpstreamRule[];
  default?: UpstreamResponse;
}

export interface ClientQuery {
  name: string;
  type?: string;
  class?: string;
  id?: number;
  rd?: boolean;
  tcp?: boolean;
  edns?: boolean;
  srcIp?: string;
  srcPort?: number;
  timeoutMs?: number;
  retransmitAtMs?: number[];
  start_after_ms?: number;
}

export interface ExpectedResponse {
  rcode?: string;
  aa?: boolean;
  tc?: boolean;
  ra?: boolean;
  answers?: ScenarioRecord[];
  authority?: ScenarioRecord[];
}

export interface StepExpectation {
  response?: ExpectedResponse | null;
  responses?: (ExpectedResponse | null)[];
  upstream?: Record<string, number | [number, number]>;
  log?: string[];
  log_contains?: string[];
}

export interface ScenarioStep {
  query?: ClientQuery;
  parallel?: ClientQuery[];
  sleep_ms?: number;
  set_upstream?: Record<string, UpstreamScript>;
  settle_ms?: number;
  expect?: StepExpectation;
}

export interface Scenario {
  id: string;
  description?: string;
  args?: string[];
  base_args?: false;
  upstreams?: Record<string, UpstreamScript>;
  steps?: ScenarioStep[];
  startup_wait_ms?: number;
  /** Lines of a resolv file written to a temporary file (placeholders filled); the base arguments then lose
   * `--no-resolv` and gain `--resolv-file={RESOLV}`. */
  resolv_file?: string[];
  expect?: {
    startup?: { running?: boolean; exit_code?: number; log_contains?: string[] };
  };
}

export interface ScenarioFile {
  format: string;
  base_args: string[];
  scenarios: Scenario[];
}
