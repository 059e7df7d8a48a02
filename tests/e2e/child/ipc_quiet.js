// Forked with no 'message' listener: the channel must not keep this process alive.
process.send({ hello: 'from a child that does not listen' });
