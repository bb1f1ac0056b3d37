module.exports = { displayName: 'mining', preset: '../../jest.preset.js', rootDir: '.' };
