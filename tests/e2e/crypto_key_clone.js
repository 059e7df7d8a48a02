'use strict';
// KeyObjects and CryptoKeys are cloneable: structuredClone() and postMessage() (to a port of
// this thread or to a worker) give new keys with the same material, type, algorithm and usages.

const crypto = require('crypto');
const { MessageChannel, Worker, isMainThread, parentPort } = require('worker_threads');
const { once } = require('events');

const edJwk = {
  crv: 'Ed25519',
  d: 'EehDPCJThGsFpO1-vdvchaVS5Wb9NH_v7Zf1RkV1e2w',
  x: 'uS2kLDscR0_ky2HtFtBK0yDArtRCzPGZQfbJysqxyC4',
  kty: 'OKP',
};
const message = Buffer.from('cloned keys');
const hex = (b) => Buffer.from(b).toString('hex');

async function signWith(hmacKey, edKey) {
  const mac = await crypto.subtle.sign('HMAC', hmacKey, message);
  const sig = await crypto.subtle.sign('Ed25519', edKey, message);
  return `${hex(mac).slice(0, 32)} ${hex(sig).slice(0, 32)}`;
}

if (!isMainThread) {
  parentPort.once('message', async ({ hmacKey, edKey, keyObject }) => {
    parentPort.postMessage([
      `${hmacKey instanceof CryptoKey} ${JSON.stringify(hmacKey.algorithm)} ${hmacKey.usages}`,
      `${edKey.type} ${edKey.extractable} ${JSON.stringify(edKey.algorithm)}`,
      `${keyObject.type} ${keyObject.asymmetricKeyType}`,
      await signWith(hmacKey, edKey),
    ]);
  });
  return;
}

(async () => {
  const hmacKey = await crypto.subtle.importKey('raw', Buffer.alloc(32, 3),
                                                { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const edKey = await crypto.subtle.importKey('jwk', edJwk, 'Ed25519', false, ['sign']);
  const keyObject = crypto.createPrivateKey({ key: edJwk, format: 'jwk' });
  const secret = crypto.createSecretKey(Buffer.from('secret bytes'));
  console.log('here', await signWith(hmacKey, edKey));

  const copy = structuredClone({ hmacKey, edKey, keyObject, secret });
  console.log('structuredClone', copy.hmacKey !== hmacKey, copy.hmacKey instanceof CryptoKey,
              copy.edKey.usages, copy.keyObject instanceof crypto.KeyObject,
              copy.keyObject.equals(keyObject), copy.secret.export().toString());
  console.log('clone signs', await signWith(copy.hmacKey, copy.edKey));
  console.log('KeyObject.from(clone)', crypto.KeyObject.from(copy.edKey).equals(keyObject));

  const { port1, port2 } = new MessageChannel();
  port1.postMessage({ secret, keyObject });
  const [received] = await once(port2, 'message');
  console.log('port', received.secret.symmetricKeySize, received.keyObject.asymmetricKeyType);
  port1.close();

  const worker = new Worker(__filename);
  worker.postMessage({ hmacKey, edKey, keyObject });
  const [lines] = await once(worker, 'message');
  for (const line of lines) console.log('worker', line);
  await worker.terminate();
})();
