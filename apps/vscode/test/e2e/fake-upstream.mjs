// DNS servers on 127.0.0.1 for the e2e run, counting what they were asked. Addresses are documentation ones.
//   healthy: every A question gets 192.0.2.7.
//   flaky:   repo1.maven.org is a CNAME chain to sonatype.map.fastly.net whose address (TTL 1 s) is missing from
//            every second reply (NODATA without SOA): the incident's upstream.
//   silent:  never answers.
import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';

export const CHAIN = ['repo1.maven.org', 'central.maven.org', 'sonatype.map.fastly.net'];

function answersFor(mode, question, asked) {
  if (question.type !== 'A') return [];
  if (mode === 'healthy') return [{ type: 'A', name: question.name, ttl: 300, data: '192.0.2.7' }];
  if (question.name.toLowerCase() !== CHAIN[0]) return [];
  const links = [
    { type: 'CNAME', name: CHAIN[0], ttl: 300, data: CHAIN[1] },
    { type: 'CNAME', name: CHAIN[1], ttl: 120, data: CHAIN[2] },
  ];
  return asked % 2 === 0 ? links : [...links, { type: 'A', name: CHAIN[2], ttl: 1, data: '192.0.2.8' }];
}

export async function startFakeUpstream(mode = 'healthy') {
  const socket = dgram.createSocket('udp4');
  const asked = [];
  socket.on('message', (message, peer) => {
    let query;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    asked.push(question.name);
    if (mode === 'silent') return;
    socket.send(
      dnsPacket.encode({
        id: query.id,
        type: 'response',
        flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
        questions: query.questions,
        answers: answersFor(mode, question, asked.length),
      }),
      peer.port,
      peer.address,
    );
  });
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, asked, close: () => new Promise((resolve) => socket.close(resolve)) };
}

/** One A query to 127.0.0.1#port; rejects after 5 s. */
export function askA(port, name) {
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from 127.0.0.1#${port} for ${name}`)), 5000);
    socket.on('message', (message, from) => {
      if (from.port !== port) return; // a stray datagram to a reused port, not the answer
      clearTimeout(timer);
      resolve(dnsPacket.decode(message));
    });
    socket.send(dnsPacket.encode({ id: 7, type: 'query', flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name }] }), port, '127.0.0.1');
  }).finally(() => socket.close());
}
