module.exports = { displayName: 'demo-data', preset: '../../jest.preset.js', rootDir: '.' };
