// Fixtures run side by side, one per core: most self-tests wait on a QEMU guest, a dotnet child process or SSH,
// and the run leaves a core idle otherwise. A fixture that changes what the whole process shares (PATH, TMPDIR)
// is [NonParallelizable] and runs alone.
[assembly: Parallelizable(ParallelScope.Fixtures)]
