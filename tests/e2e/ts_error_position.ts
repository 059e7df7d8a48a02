interface Config { retries: number; name: string }
function load(config: Config): never {
  const message: string = `cannot load ${config.name}`;
  throw new Error(message);
}
load({ retries: 3, name: 'settings' } as Config);
