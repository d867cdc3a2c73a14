import net from 'node:net';

/**
 * A free port for a server a test starts in a child process, below the range the kernel hands out
 * for port 0 (32768 and up on Linux): a port taken from that range can be handed to another test's
 * server or client between the check and the child's own bind, which then fails with EADDRINUSE.
 */
export async function portForChild(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isFree(port)) return port;
  }
  throw new Error('no free port from 20000 to 31999');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
