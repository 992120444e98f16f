// Preloaded with `node --import` into processes that a test wants to start *together*: the
// process connects to the test's barrier (VRESERVE_TEST_BARRIER=port) and waits, before any of
// its own code runs, until the test lets every process go at once. Loading and compiling the
// source takes a second or two and varies; without this, "started at the same time" would mean
// "one after the other" most of the time.
import { connect } from 'node:net';
import { isMainThread } from 'node:worker_threads';

// Preloads also run in the thread of module loader hooks (tsx): only the process itself waits.
const port = Number(process.env.VRESERVE_TEST_BARRIER);
if (port && isMainThread) {
  await new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('data', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}
