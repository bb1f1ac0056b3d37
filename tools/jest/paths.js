// Maps the workspace's TypeScript path aliases (tsconfig.base.json) onto jest's moduleNameMapper.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const { compilerOptions } = JSON.parse(
  readFileSync(path.join(__dirname, '../../tsconfig.base.json'), 'utf8'),
);

function pathsToModuleNameMapper() {
  const root = path.resolve(__dirname, '../..');
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`] = path.join(root, target);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
