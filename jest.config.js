// Every project's jest suite in one run: unit specs, integration specs against real PostgreSQL
// and NATS, and end-to-end specs of both run modes.
const { readdirSync, existsSync } = require('node:fs');

const projects = ['apps', 'libs']
  .flatMap((dir) => readdirSync(dir).map((name) => `<rootDir>/${dir}/${name}`))
  .concat('<rootDir>/tools')
  .filter((dir) => existsSync(`${dir.replace('<rootDir>', __dirname)}/jest.config.js`));

module.exports = { projects };
