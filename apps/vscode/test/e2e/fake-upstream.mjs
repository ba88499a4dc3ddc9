// A DNS server on 127.0.0.1 for the e2e run: answers every A question with 192.0.2.7 (a documentation address, never contacted) and counts what it was asked.
import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';

export async function startFakeUpstream() {
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
    socket.send(
      dnsPacket.encode({
        id: query.id,
        type: 'response',
        flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
        questions: query.questions,
        answers: question.type === 'A' ? [{ type: 'A', name: question.name, ttl: 300, data: '192.0.2.7' }] : [],
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
    socket.on('message', (message) => {
      clearTimeout(timer);
      resolve(dnsPacket.decode(message));
    });
    socket.send(dnsPacket.encode({ id: 7, type: 'query', flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name }] }), port, '127.0.0.1');
  }).finally(() => socket.close());
}
