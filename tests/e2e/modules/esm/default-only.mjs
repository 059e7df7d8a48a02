export default { kind: 'default only' };
