'use strict';
// `eddy --experimental-sea-config config.json`: read the single-executable configuration and
// write the preparation blob it names, then exit. The blob has Node's layout (little-endian):
//   u32 magic 0x0143da20, u32 flags, then length-prefixed (u64) fields:
//   the main script's path, its source, [its V8 code cache], [an asset count and name/content
//   pairs]. Flags: 1 disableExperimentalSEAWarning, 2 useSnapshot, 4 useCodeCache, 8 assets.
// Messages and the exit code (1) are Node's; everything goes to stderr.

const { getOptionValue } = require('internal/options');

const kMagic = 0x0143da20;
const kDisableWarning = 1;
const kUseSnapshot = 2;
const kUseCodeCache = 4;
const kIncludeAssets = 8;

class ConfigError extends Error {}

/** libuv's text for a failed call's errno ("no such file or directory"). */
function uvText(err) {
  const entry = typeof err?.errno === 'number' ?
    require('util').getSystemErrorMap().get(err.errno) : undefined;
  return entry ? entry[1] : String(err?.message ?? err);
}

function readConfig(configPath) {
  const fs = require('fs');
  let text;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `Cannot read single executable configuration from ${configPath}: ${uvText(err)}`);
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${err.name}: ${err.message}\n\nCannot parse JSON from ${configPath}`);
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    // Node reads no field from a non-object, so "main" is what it reports missing.
    config = {};
  }
  for (const field of ['main', 'output']) {
    if (typeof config[field] !== 'string' || config[field] === '') {
      throw new ConfigError(`"${field}" field of ${configPath} is not a non-empty string`);
    }
  }
  let flags = 0;
  const bits = [
    ['disableExperimentalSEAWarning', kDisableWarning],
    ['useSnapshot', kUseSnapshot],
    ['useCodeCache', kUseCodeCache],
  ];
  for (const [field, bit] of bits) {
    const value = config[field];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') {
      throw new ConfigError(`"${field}" field of ${configPath} is not a Boolean`);
    }
    if (value) flags |= bit;
  }
  let assets;
  if (config.assets !== undefined) {
    const map = config.assets;
    if (map === null || typeof map !== 'object' || Array.isArray(map) ||
        Object.values(map).some((v) => typeof v !== 'string')) {
      throw new ConfigError(`"assets" field of ${configPath} is not a map of strings`);
    }
    assets = Object.entries(map);
    flags |= kIncludeAssets;
  }
  if ((flags & kUseSnapshot) && (flags & kUseCodeCache)) {
    // As Node: the snapshot already holds compiled code.
    process.emitWarning('"useCodeCache" is redundant when "useSnapshot" is true');
    flags &= ~kUseCodeCache;
  }
  return { main: config.main, output: config.output, flags, assets };
}

/** One u64 length followed by the bytes. */
function field(bytes) {
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(bytes.length));
  return [len, bytes];
}

function buildBlob({ main, flags, assets }) {
  const fs = require('fs');
  let source;
  try {
    source = fs.readFileSync(main);
  } catch (err) {
    throw new ConfigError(`Cannot read main script ${main}:${uvText(err)}`);
  }
  if (flags & kUseSnapshot) {
    // A startup snapshot of the heap after running the main script: this runtime cannot build
    // one from user code.
    throw new ConfigError(`Cannot build a startup snapshot from ${main}: "useSnapshot" is not ` +
                          'supported by this runtime');
  }
  const head = Buffer.alloc(8);
  head.writeUInt32LE(kMagic, 0);
  head.writeUInt32LE(flags, 4);
  const parts = [head, ...field(Buffer.from(main)), ...field(source)];
  if (flags & kUseCodeCache) {
    // The main script compiled as a CommonJS module body, as it will run.
    const vm = require('vm');
    const { wrap } = require('module');
    const script = new vm.Script(wrap(source.toString('utf8')), { filename: main });
    parts.push(...field(script.createCachedData()));
  }
  if (flags & kIncludeAssets) {
    const count = Buffer.alloc(8);
    count.writeBigUInt64LE(BigInt(assets.length));
    parts.push(count);
    for (const [name, file] of assets) {
      let content;
      try {
        content = fs.readFileSync(file);
      } catch (err) {
        throw new ConfigError(`Cannot read asset ${file}: ${uvText(err)}`);
      }
      parts.push(...field(Buffer.from(name)), ...field(content));
    }
  }
  return Buffer.concat(parts);
}

function run() {
  const configPath = getOptionValue('--experimental-sea-config');
  try {
    const config = readConfig(configPath);
    const blob = buildBlob(config);
    try {
      require('fs').writeFileSync(config.output, blob);
    } catch (err) {
      throw new ConfigError(`Cannot write output to ${config.output}:${uvText(err)}`);
    }
    process._rawDebug(`Wrote single executable preparation blob to ${config.output}`);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process._rawDebug(err.message);
    process.exitCode = 1;
  }
}

module.exports = { run };
