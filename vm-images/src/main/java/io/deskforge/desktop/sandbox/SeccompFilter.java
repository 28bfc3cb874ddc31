package io.deskforge.desktop.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's seccomp filter, as a classic BPF program for bubblewrap's {@code --seccomp} and for
 * the launcher of commands entered with nsenter. In the spirit of Docker's default profile: a
 * desktop has no business loading kernel modules, mounting, tracing other processes, creating
 * namespaces, reading the kernel's keyrings or changing the clock, so those system calls fail with
 * EPERM (clone3 with ENOSYS, so that the C library falls back to clone, whose namespace flags are
 * then checked). Other architectures' system calls (x32, i386) are refused outright.
 */
public final class SeccompFilter {
  private SeccompFilter() {}

  private static final int AUDIT_ARCH_X86_64 = 0xc000003e;
  private static final int X32_BIT = 0x40000000;
  private static final int NR_CLONE = 56;
  private static final int NR_CLONE3 = 435;
  /** CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET. */
  private static final int NAMESPACE_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;

  /** x86_64 numbers of the denied system calls, each with its name for the reader. */
  static final int[] DENIED_X86_64 = {
    163, // acct
    248, // add_key
    321, // bpf
    305, // clock_adjtime
    227, // clock_settime
    174, // create_module
    176, // delete_module
    313, // finit_module
    177, // get_kernel_syms
    175, // init_module
    173, // ioperm
    172, // iopl
    312, // kcmp
    320, // kexec_file_load
    246, // kexec_load
    250, // keyctl
    212, // lookup_dcookie
    165, // mount
    442, // mount_setattr
    429, // move_mount
    428, // open_tree
    430, // fsopen
    431, // fsconfig
    432, // fsmount
    433, // fspick
    303, // name_to_handle_at
    180, // nfsservctl
    304, // open_by_handle_at
    298, // perf_event_open
    155, // pivot_root
    310, // process_vm_readv
    311, // process_vm_writev
    101, // ptrace
    178, // query_module
    179, // quotactl
    169, // reboot
    249, // request_key
    308, // setns
    164, // settimeofday
    167, // swapon
    168, // swapoff
    139, // sysfs
    156, // _sysctl
    166, // umount2
    272, // unshare
    134, // uselib
    323, // userfaultfd
    136, // ustat
    153, // vhangup
  };

  private static final short LD_W_ABS = 0x20;
  private static final short JEQ_K = 0x15;
  private static final short JGE_K = 0x35;
  private static final short JSET_K = 0x45;
  private static final short RET_K = 0x06;
  private static final int RET_ALLOW = 0x7fff0000;
  private static final int RET_KILL_PROCESS = 0x80000000;
  private static final int RET_EPERM = 0x00050000 | 1;
  private static final int RET_ENOSYS = 0x00050000 | 38;

  /** The program for this machine's architecture, or empty where deskforge has no table for it. */
  public static Optional<byte[]> forThisMachine() {
    String arch = System.getProperty("os.arch");
    if (!arch.equals("amd64") && !arch.equals("x86_64")) return Optional.empty();
    return Optional.of(x86_64());
  }

  static byte[] x86_64() {
    List<long[]> p = new ArrayList<>();
    p.add(op(LD_W_ABS, 0, 0, 4));                    // arch
    p.add(op(JEQ_K, 1, 0, AUDIT_ARCH_X86_64));
    p.add(op(RET_K, 0, 0, RET_KILL_PROCESS));
    p.add(op(LD_W_ABS, 0, 0, 0));                    // nr
    p.add(op(JGE_K, 0, 1, X32_BIT));
    p.add(op(RET_K, 0, 0, RET_EPERM));
    p.add(op(JEQ_K, 0, 4, NR_CLONE));
    p.add(op(LD_W_ABS, 0, 0, 16));                   // clone's flags (low 32 bits of args[0])
    p.add(op(JSET_K, 0, 1, NAMESPACE_FLAGS));
    p.add(op(RET_K, 0, 0, RET_EPERM));
    p.add(op(RET_K, 0, 0, RET_ALLOW));
    p.add(op(JEQ_K, 0, 1, NR_CLONE3));
    p.add(op(RET_K, 0, 0, RET_ENOSYS));
    int n = DENIED_X86_64.length;
    for (int i = 0; i < n; i++) p.add(op(JEQ_K, n - i, 0, DENIED_X86_64[i]));
    p.add(op(RET_K, 0, 0, RET_ALLOW));
    p.add(op(RET_K, 0, 0, RET_EPERM));
    ByteBuffer b = ByteBuffer.allocate(p.size() * 8).order(ByteOrder.nativeOrder());
    for (long[] ins : p) {
      b.putShort((short) ins[0]).put((byte) ins[1]).put((byte) ins[2]).putInt((int) ins[3]);
    }
    return b.array();
  }

  private static long[] op(short code, int jt, int jf, int k) {
    if (jt > 255 || jf > 255) throw new IllegalStateException("jump too far in the seccomp program");
    return new long[] {code, jt, jf, k & 0xffffffffL};
  }
}
