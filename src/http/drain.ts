import type http from 'node:http';
import net from 'node:net';

/**
 * Stops an HTTP server without dropping a request that reached it. Apollo's drain plugin (and
 * Node's own `http.Server.close` since Node 19) ends every connection that has no request under
 * way at that instant, including one whose request has arrived but not been read yet: its client
 * sees the connection reset and cannot tell whether the request ran. Here such a connection gets
 * a moment to deliver its request, which is then answered; every answer given while stopping
 * closes its connection, so keep-alive clients reconnect elsewhere.
 */
export function drainOnStop(
  server: http.Server,
  options: { quietMs: number; timeoutMs: number },
): { stop(): Promise<void> } {
  const requestsOn = new Map<net.Socket, number>();
  let stopping = false;
  const endIfQuiet = (socket: net.Socket) => {
    if (requestsOn.get(socket) === 0) socket.end();
  };

  server.on('connection', (socket: net.Socket) => {
    requestsOn.set(socket, 0);
    socket.once('close', () => requestsOn.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    requestsOn.set(socket, (requestsOn.get(socket) ?? 0) + 1);
    if (stopping) res.setHeader('connection', 'close');
    res.once('close', () => {
      requestsOn.set(socket, (requestsOn.get(socket) ?? 1) - 1);
      if (stopping) endIfQuiet(socket);
    });
  });

  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        stopping = true;
        if (!server.listening) return resolve();
        const quiet = setTimeout(() => requestsOn.forEach((_, socket) => endIfQuiet(socket)), options.quietMs);
        const hard = setTimeout(() => requestsOn.forEach((_, socket) => socket.destroy()), options.timeoutMs);
        // net.Server's close stops listening and waits for the connections; http.Server's would
        // also cut those whose request is still unread.
        net.Server.prototype.close.call(server, () => {
          clearTimeout(quiet);
          clearTimeout(hard);
          resolve();
        });
      })),
  };
}
