// Precompressed copies of the build's hashed files (name.gz, name.br) for servers that send
// them as they are (nginx gzip_static and brotli_static, deploy/nginx): the server spends no
// time compressing, and brotli at the highest quality is ≈ 23 % smaller than the gzip
// nginx makes on the fly. index.html (the server puts a nonce in it), config.json (edited
// where deployed) and embed.js (a fixed name) stay as they are.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function precompress(dir) {
  const hashed = fs.readdirSync(dir).filter((f) => /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/.test(f));
  for (const f of hashed) {
    const data = fs.readFileSync(path.join(dir, f));
    fs.writeFileSync(path.join(dir, `${f}.gz`), zlib.gzipSync(data, { level: 9 }));
    fs.writeFileSync(path.join(dir, `${f}.br`), zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }));
  }
  return hashed.length;
}
