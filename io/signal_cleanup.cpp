#include "io/signal_cleanup.hpp"

#include <array>
#include <atomic>
#include <csignal>

#include <unistd.h>

namespace alemsim {
namespace {

// Lock-free slots, because a signal handler may read them at any moment: it may call only
// async-signal-safe functions (unlink, _exit) and may not take a lock the interrupted thread holds.
std::array<std::atomic<const char*>, kMaxTemporaryFiles> g_temporary_files{};

extern "C" void remove_and_exit(int signal_number) {
  for (auto& slot : g_temporary_files) {
    if (const char* path = slot.load()) ::unlink(path);
  }
  ::_exit(128 + signal_number);
}

}  // namespace

void remove_temporary_files_on_signal() {
  struct sigaction action {};
  action.sa_handler = remove_and_exit;
  sigemptyset(&action.sa_mask);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaction(signal_number, &action, nullptr);
}

void register_temporary_file(const char* path) {
  for (auto& slot : g_temporary_files) {
    const char* empty = nullptr;
    if (slot.compare_exchange_strong(empty, path)) return;
  }
}

void unregister_temporary_file(const char* path) {
  for (auto& slot : g_temporary_files) {
    const char* expected = path;
    if (slot.compare_exchange_strong(expected, nullptr)) return;
  }
}

}  // namespace alemsim
