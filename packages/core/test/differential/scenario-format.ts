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
}

export interface UpstreamRule {
  match?: { name?: string; type?: string; transport?: 'udp' | 'tcp' };
  responses?: UpstreamResponse[];
  response?: UpstreamResponse;
  cycle?: boolean;
}

/** The behaviour script of one fake upstream. */
export interface UpstreamScript {
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
  expect?: {
    startup?: { running?: boolean; exit_code?: number; log_contains?: string[] };
  };
}

export interface ScenarioFile {
  format: string;
  base_args: string[];
  scenarios: Scenario[];
}
