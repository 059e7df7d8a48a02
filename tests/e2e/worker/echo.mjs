// An ES module worker: answers each message with its upper-case form, then leaves on 'bye'.
import { parentPort, workerData } from 'node:worker_threads';

parentPort.postMessage(`module worker ready (${workerData.label})`);
parentPort.on('message', (m) => {
  if (m === 'bye') {
    parentPort.close();
    return;
  }
  parentPort.postMessage(String(m).toUpperCase());
});
