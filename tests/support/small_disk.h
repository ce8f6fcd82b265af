// A directory on a real file system with a fixed byte budget (a tmpfs mounted with size=N), so a
// test sees writes fail with ENOSPC from the kernel, as on a tablet whose storage is full, rather
// than an error a mock made up. fill() takes every free byte; free_space() gives them back.
// The mount is made in a mount namespace of this test process's own (entered once, as root or
// through a user namespace), so it is seen by nobody else and vanishes with the process even if
// the test crashes; only where neither is allowed does it mount in the shared namespace (root).
#pragma once
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace testing_support {

class SmallDisk {
 public:
  explicit SmallDisk(std::size_t bytes) {
    std::string why_private = enter_private_mounts();
    std::string options = "size=" + std::to_string(bytes) + ",mode=0700";
    if (mount("peerobs-small-disk", dir_.path().c_str(), "tmpfs", 0, options.c_str()) != 0) {
      why_not_ = "cannot mount a tmpfs here (" + std::string(std::strerror(errno)) +
                 "; own mount namespace: " + (why_private.empty() ? "yes" : why_private) + ")";
      return;
    }
    mounted_ = true;
  }
  ~SmallDisk() {
    if (mounted_) umount2(dir_.path().c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  // False on a machine that allows no mount at all; why_not() then says what failed.
  bool available() const { return mounted_; }
  const std::string& why_not() const { return why_not_; }
  const std::string& path() const { return dir_.path(); }
  std::string file(const std::string& name) const { return dir_.file(name); }

  // Writes a filler file until only `leave_free` bytes are free (0: until the file system refuses
  // with ENOSPC); returns the bytes it took.
  std::size_t fill(std::size_t leave_free = 0) {
    int fd = open(filler().c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) return 0;
    std::vector<char> block(4096, 'x');
    std::size_t taken = 0;
    while (leave_free == 0 || free_bytes() > leave_free + block.size()) {
      ssize_t n = write(fd, block.data(), block.size());
      if (n <= 0) break;  // ENOSPC (a short write came first if the last page was partly free)
      taken += static_cast<std::size_t>(n);
    }
    close(fd);
    return taken;
  }
  std::size_t free_bytes() const {
    struct statvfs s {};
    if (statvfs(dir_.path().c_str(), &s) != 0) return 0;
    return static_cast<std::size_t>(s.f_bavail) * s.f_frsize;
  }
  // Deletes the filler: the space returns.
  void free_space() { unlink(filler().c_str()); }

 private:
  std::string filler() const { return dir_.file("filler"); }

  // "" once this process has mounts of its own; else why not. Done once per process: entering
  // a user namespace twice would nest them.
  static std::string enter_private_mounts() {
    static const std::string why = [] {
      if (unshare(CLONE_NEWNS) != 0) {
        std::string as_root = std::strerror(errno);
        uid_t uid = getuid();
        gid_t gid = getgid();
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
          return "unshare: " + as_root + ", with a user namespace: " + std::strerror(errno);
        // Map this user to root inside, so the mount is allowed there.
        std::ofstream("/proc/self/setgroups") << "deny";
        std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
        std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
      }
      // Mounts made here must not propagate back to the machine's namespace.
      if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return std::string("making mounts private: ") + std::strerror(errno);
      return std::string();
    }();
    return why;
  }

  TempDir dir_;
  bool mounted_ = false;
  std::string why_not_;
};

}  // namespace testing_support
