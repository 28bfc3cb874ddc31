# deskforge: applies the sandbox's seccomp filter and no_new_privs to a command entered into the
# desktop with nsenter (bubblewrap gives the filter to its own children only), then runs it.
# Usage: python3 -I -S seccomp-exec.py FILTER.bpf COMMAND [ARGS...]
import ctypes
import os
import sys

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def main():
    with open(sys.argv[1], "rb") as f:
        prog = f.read()
    buf = ctypes.create_string_buffer(prog, len(prog))
    fprog = SockFprog(len(prog) // 8, ctypes.cast(buf, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        sys.exit("deskforge seccomp-exec: no_new_privs failed: " + os.strerror(ctypes.get_errno()))
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        sys.exit("deskforge seccomp-exec: seccomp failed: " + os.strerror(ctypes.get_errno()))
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    except OSError as e:
        sys.stderr.write("%s: %s\n" % (sys.argv[2], e.strerror))
        sys.exit(127)


main()
