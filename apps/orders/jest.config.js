module.exports = { displayName: 'orders', preset: '../../jest.preset.js', rootDir: '.' };
