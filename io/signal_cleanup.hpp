// Temporary output files removed when the process is interrupted. An output file is written under a
// temporary name and renamed when complete (io/atomic_file.hpp); a destructor removes it on an error,
// but SIGINT (Ctrl-C) or SIGTERM end the process without running destructors, and would leave
// hundreds of megabytes behind under a name nobody asked for.
#pragma once

namespace alemsim {

// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove every registered temporary file and
// end the process with 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as a shell does.
void remove_temporary_files_on_signal();

// Registers `path` (which must stay valid until unregistered) for removal on a signal. At most
// kMaxTemporaryFiles at once; a path beyond that is simply not removed on a signal.
inline constexpr int kMaxTemporaryFiles = 64;
void register_temporary_file(const char* path);
void unregister_temporary_file(const char* path);

}  // namespace alemsim
