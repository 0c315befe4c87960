module.exports = {
  "version": "0.23.0"
};