// Fixtures run side by side, one per core: a fixture keeps about one core busy (a QEMU guest, a compiler, a dotnet
// child process), so one at a time left the other idle. A fixture that changes what the whole process shares (PATH,
// TMPDIR) is [NonParallelizable] and runs alone.
[assembly: Parallelizable(ParallelScope.Fixtures)]
