// msgpackr loads 'msgpackr-extract' only if it is truthy (node-index.js: `if (extractor)`), so
// exporting null selects its pure-JavaScript string decoder: same results, no native code.
module.exports = null;
