import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';

/** What clamd said about a file: clean, or the name of the signature it matched. */
export type ScanVerdict = { infected: false } | { infected: true; signature: string };

export interface MalwareScanner {
  /** Streams the file to clamd (INSTREAM) and returns its verdict; throws when clamd cannot answer. */
  scan(file: Readable): Promise<ScanVerdict>;
  /** Resolves when clamd answers PING. */
  ping(): Promise<void>;
}

/** clamd's address: `tcp://host:port` or `unix:/path/to/clamd.ctl`. */
function endpoint(url: string): { host: string; port: number } | { path: string } {
  if (url.startsWith('unix:')) return { path: url.slice('unix:'.length).replace(/^\/\//, '') };
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 3310) };
}

/** Sends one clamd command (z-prefixed: NUL-terminated) and resolves with its whole answer, trimmed. */
function talk(url: string, timeoutMs: number, write: (socket: Socket) => Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(endpoint(url));
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`clamd at ${url} did not answer within ${timeoutMs / 1000} s`)));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8').replace(/\0/g, '').trim()));
    socket.once('connect', () => {
      write(socket).catch((err: unknown) => socket.destroy(err instanceof Error ? err : new Error(String(err))));
    });
  });
}

const sent = (socket: Socket, data: Buffer) => new Promise<void>((resolve, reject) => socket.write(data, (err) => (err ? reject(err) : resolve())));

/** Each chunk goes as a 4-byte big-endian length and the bytes; a zero length ends the stream. */
function frame(chunk: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(chunk.length);
  return Buffer.concat([length, chunk]);
}

/**
 * A client of ClamAV's daemon, speaking its INSTREAM protocol by hand (it is a dozen lines): the
 * file is streamed in frames and never held whole in memory. clamd refuses a stream longer than
 * its StreamMaxLength ("INSTREAM size limit exceeded"), which is then an error, not a verdict.
 */
export function createClamdScanner(url: string, timeoutMs = 60_000): MalwareScanner {
  return {
    async scan(file) {
      const answer = await talk(url, timeoutMs, async (socket) => {
        await sent(socket, Buffer.from('zINSTREAM\0'));
        for await (const chunk of file) await sent(socket, frame(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)));
        await sent(socket, Buffer.alloc(4));
      });
      // "stream: OK" or "stream: <signature> FOUND"; anything else (an error line) is no verdict.
      if (/^stream: OK$/.test(answer)) return { infected: false };
      const found = /^stream: (.+) FOUND$/.exec(answer);
      if (found?.[1]) return { infected: true, signature: found[1] };
      throw new Error(`clamd at ${url} gave no verdict: ${answer || '(no answer)'}`);
    },
    async ping() {
      const answer = await talk(url, 2_000, (socket) => sent(socket, Buffer.from('zPING\0')));
      if (answer !== 'PONG') throw new Error(`clamd at ${url} answered PING with "${answer}"`);
    },
  };
}
