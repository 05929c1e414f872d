import type { AddressInfo, Server, Socket } from 'node:net';

/** A provider that goes away and comes back on the same address, for outage tests. */
export interface Outage {
  /** Nothing listens any more and open connections are cut: connecting is refused. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
}

/** The down/up switch of a listening server (call it right after listen, before any connection). */
export function outageSwitch(server: Server): Outage {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    down: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
    up: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => {
          server.off('error', reject);
          resolve();
        });
      }),
  };
}
