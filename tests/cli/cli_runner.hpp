// Runs a command, or the real alemsim binary from the source folder, as a user would, and captures
// what it prints.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace alemsim::test {

struct Outcome {
  int exit_code;
  std::string out;  // stdout and stderr together
};

// `command` run by the shell, stderr folded into stdout.
inline Outcome run_shell(const std::string& command) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  std::string out;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) out += buffer.data();
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

#ifdef ALEMSIM_CLI
// `alemsim ARGS` from the source folder.
inline Outcome run_cli(const std::string& args) {
  return run_shell(std::string("cd '") + ALEMSIM_SOURCE_DIR + "' && '" + ALEMSIM_CLI + "' " + args);
}
#endif

}  // namespace alemsim::test
