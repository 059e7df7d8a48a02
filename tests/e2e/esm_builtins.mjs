import path, { join, sep } from 'node:path';
import { EventEmitter } from 'events';
import * as util from 'util';
import fs from 'fs';
console.log(join('a', 'b'), sep, path.basename('/x/y.txt'));
console.log(typeof EventEmitter, typeof util.inspect, typeof fs.readFileSync);
const { default: events } = await import('node:events');
console.log(events === EventEmitter, typeof events.once);
try { await import('node:nope'); } catch (e) { console.log(e.code, e.message); }
