package io.deskforge.desktop.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import io.deskforge.desktop.Desktop;
import io.deskforge.desktop.DesktopConfig;
import io.deskforge.desktop.DesktopException;
import io.deskforge.desktop.DesktopPaths;
import io.deskforge.desktop.DesktopUser;
import io.deskforge.desktop.ExecResult;
import io.deskforge.desktop.DesktopLimits;
import io.deskforge.desktop.HostFolders;
import io.deskforge.desktop.limits.Cgroups;
import io.deskforge.desktop.RunningApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** One container; commands run with docker exec. */
final class DockerDesktop extends Desktop {
  private final DockerClient docker;
  private final String image;
  private String containerId;
  private long initPid = -1;

  DockerDesktop(DesktopConfig config, DockerClient docker, String image) {
    super(DockerProvider.NAME, config);
    this.docker = docker;
    this.image = image;
  }

  @Override
  protected void boot() {
    DesktopUser user = folders.user();
    try {
      HostFolders.EtcFiles etc = folders.writeEtcFiles();
      List<String> env = initEnvironment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
      DesktopLimits limits = config.limits();
      String size = ",size=" + limits.tmpfsBytes();
      HostConfig host = HostConfig.newHostConfig()
          .withNetworkMode("none")
          .withInit(true)
          .withCapDrop(Capability.NET_RAW, Capability.MKNOD, Capability.AUDIT_WRITE, Capability.SETFCAP)
          .withSecurityOpts(List.of("no-new-privileges"))
          // the image is read-only; what the desktop may write is its folders and capped tmpfs
          .withReadonlyRootfs(true)
          .withMemory(limits.memoryBytes())
          .withMemorySwap(limits.memoryBytes())
          .withPidsLimit((long) limits.processes())
          .withCpuShares((int) Math.max(2, limits.cpuWeight() * 1024L / 100))
          .withShmSize(limits.tmpfsBytes())
          .withTmpFs(Map.of(
              "/run/user/" + user.uid(), "rw,nosuid,nodev,mode=0700,uid=" + user.uid() + ",gid=" + user.gid() + size,
              "/tmp", "rw,nosuid,nodev,mode=1777" + size,
              "/var/tmp", "rw,nosuid,nodev,mode=1777" + size))
          .withBinds(binds(etc));
      CreateContainerResponse created = docker.createContainerCmd(image)
          .withName("deskforge-" + id)
          .withHostName("deskforge")
          .withUser(user.uid() + ":" + user.gid())
          .withWorkingDir(DesktopPaths.HOME)
          .withEnv(env)
          .withLabels(Map.of(DockerProvider.LABEL_DESKTOP, id, DockerProvider.LABEL_OWNER, DockerProvider.owner()))
          .withCmd("/bin/sh", DesktopPaths.RUN + "/init.sh")
          .withHostConfig(host)
          .exec();
      containerId = created.getId();
      docker.startContainerCmd(containerId).exec();
      Long pid = docker.inspectContainerCmd(containerId).exec().getState().getPidLong();
      initPid = pid == null ? -1 : pid;
    } catch (DesktopException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DesktopException(describe() + ": cannot start a container from " + image + ": " + DockerEngine.rootMessage(e), e);
    }
  }

  @Override
  protected boolean environmentAlive() {
    return initPid > 0 && ProcessHandle.of(initPid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  protected String environmentExit() {
    if (containerId == null) return "container never created";
    try {
      InspectContainerResponse.ContainerState s = docker.inspectContainerCmd(containerId).exec().getState();
      if (Boolean.TRUE.equals(s.getRunning())) return "container running";
      return "container " + containerId.substring(0, 12) + " ended with "
          + RunningApp.describeStatus(s.getExitCodeLong() == null ? -1 : s.getExitCodeLong().intValue())
          + (s.getOOMKilled() != null && s.getOOMKilled() ? " (out of memory)" : "")
          + (s.getError() == null || s.getError().isBlank() ? "" : ": " + s.getError());
    } catch (NotFoundException e) {
      return "container " + containerId.substring(0, 12) + " was removed";
    } catch (RuntimeException e) {
      return "container state unknown (" + DockerEngine.rootMessage(e) + ")";
    }
  }

  /** Every process of the container: the children of its runtime shim (init and docker exec'd ones). */
  @Override
  protected Set<ProcessHandle> environmentProcesses() {
    Set<ProcessHandle> out = new HashSet<>();
    Optional<ProcessHandle> init = initPid > 0 ? ProcessHandle.of(initPid) : Optional.empty();
    Optional<ProcessHandle> shim = init.flatMap(ProcessHandle::parent)
        .filter(p -> p.info().command().map(c -> c.contains("containerd-shim")).orElse(false));
    if (shim.isPresent()) {
      shim.get().descendants().forEach(out::add);
    } else {
      init.ifPresent(p -> {
        out.add(p);
        p.descendants().forEach(out::add);
      });
    }
    return out;
  }

  @Override
  protected ExecResult exec(List<String> command, boolean asRoot, Map<String, String> env, Duration timeout) {
    DesktopUser user = folders.user();
    String execId;
    try {
      execId = docker.execCreateCmd(containerId)
          .withUser(asRoot ? "0:0" : user.uid() + ":" + user.gid())
          .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
          .withWorkingDir(asRoot ? "/" : DesktopPaths.HOME)
          .withAttachStdout(true)
          .withAttachStderr(true)
          .withCmd(command.toArray(String[]::new))
          .exec().getId();
    } catch (RuntimeException e) {
      throw new DesktopException(describe() + ": docker exec " + command.get(0) + " failed: " + DockerEngine.rootMessage(e), e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
      }
    };
    try {
      docker.execStartCmd(execId).exec(callback);
      if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        killExec(execId);
        return new ExecResult(124, out.toByteArray(), "timed out after " + timeout.toMillis() + " ms: " + String.join(" ", command));
      }
      Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
      return new ExecResult(code == null ? -1 : code.intValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DesktopException(describe() + ": interrupted while running " + command.get(0), e);
    } finally {
      try {
        callback.close();
      } catch (IOException e) {
        // the stream is done either way
      }
    }
  }

  private void killExec(String execId) {
    try {
      Long pid = docker.inspectExecCmd(execId).exec().getPidLong();
      if (pid != null && pid > 0) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    } catch (RuntimeException e) {
      // the container is going away anyway
    }
  }

  /**
   * Enters the container's namespaces from the host with nsenter, as the desktop user: docker
   * exec's API streams standard input only over a hijacked connection, which a plain pipe does
   * more simply. Needs a root host (as the docker provider does when its user is not in the
   * docker group); the process belongs to the container's PID namespace, so removing the
   * container ends it.
   */
  @Override
  protected Process startPiped(List<String> command, Map<String, String> env) {
    if (initPid <= 0) throw new DesktopException(describe() + ": the container is not running");
    if (!folders.user().hostIsRoot()) {
      throw new DesktopException(describe() + ": a stream into a container needs a root host (nsenter into its namespaces)");
    }
    DesktopUser user = folders.user();
    List<String> cmd = new ArrayList<>(List.of("nsenter", "-t", Long.toString(initPid), "-m", "-n", "-i", "-u", "-p", "-r", "-w",
        "-S", Integer.toString(user.uid()), "-G", Integer.toString(user.gid()), "--"));
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).directory(new java.io.File("/"));
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new DesktopException(describe() + ": cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected RunningApp spawn(String name, List<String> command, Map<String, String> env) {
    DesktopUser user = folders.user();
    String log = DesktopPaths.RUN + "/" + appLog(name).getFileName();
    // the log is the desktop user's to replace: start it afresh rather than append through what is there
    List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "rm -f \"$0\"; exec \"$@\" >>\"$0\" 2>&1", log));
    wrapped.addAll(command);
    try {
      String execId = docker.execCreateCmd(containerId)
          .withUser(user.uid() + ":" + user.gid())
          .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
          .withWorkingDir(DesktopPaths.HOME)
          .withCmd(wrapped.toArray(String[]::new))
          .exec().getId();
      docker.execStartCmd(execId).withDetach(true).exec(new ResultCallback.Adapter<>()).awaitCompletion();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (true) {
        InspectExecResponse r = docker.inspectExecCmd(execId).exec();
        Long pid = r.getPidLong();
        if (pid != null && pid > 0) return new ExecApp(name, execId, pid);
        if (!Boolean.TRUE.equals(r.isRunning()) && r.getExitCodeLong() != null) {
          throw new DesktopException(describe() + ": " + name + " exited at once ("
              + RunningApp.describeStatus(r.getExitCodeLong().intValue()) + "); log: " + tail(appLog(name)));
        }
        if (System.nanoTime() > deadline) throw new DesktopException(describe() + ": " + name + " did not start");
        sleep(2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DesktopException(describe() + ": interrupted while launching " + name, e);
    } catch (RuntimeException e) {
      if (e instanceof DesktopException de) throw de;
      throw new DesktopException(describe() + ": cannot launch " + name + ": " + DockerEngine.rootMessage(e), e);
    }
  }

  /** The app's output goes to the run folder inside the container; the host reads it without following links. */
  @Override
  protected Path appLog(String appName) {
    return folders.run().resolve(appName + ".log");
  }

  /** The container's cgroups, as the engine's cgroupfs driver lays them out, and its OOM flag. */
  @Override
  protected Optional<String> providerLimitHit() {
    if (containerId == null) return Optional.empty();
    long refused = Cgroups.counter(Path.of("/sys/fs/cgroup/pids/docker", containerId, "pids.events"), "max");
    if (refused == 0) refused = Cgroups.counter(Path.of("/sys/fs/cgroup/system.slice", "docker-" + containerId + ".scope", "pids.events"), "max");
    long oom = Cgroups.counter(Path.of("/sys/fs/cgroup/memory/docker", containerId, "memory.oom_control"), "oom_kill");
    if (oom == 0) oom = Cgroups.counter(Path.of("/sys/fs/cgroup/system.slice", "docker-" + containerId + ".scope", "memory.events"), "oom_kill");
    return Cgroups.describeHits(config.limits(), refused, oom);
  }

  @Override
  protected String providerLimitMechanism() {
    return "docker";
  }

  @Override
  protected void teardown() {
    if (containerId == null) return;
    try {
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // already gone
    } catch (RuntimeException e) {
      System.err.println("deskforge: " + describe() + ": could not remove container " + containerId + ": " + e.getMessage());
    }
  }

  private final class ExecApp implements RunningApp {
    private final String name;
    private final String execId;
    private final long pid;

    ExecApp(String name, String execId, long pid) {
      this.name = name;
      this.execId = execId;
      this.pid = pid;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public long hostPid() {
      return pid;
    }

    @Override
    public boolean alive() {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public Optional<String> exit() {
      if (alive()) return Optional.empty();
      try {
        Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return Optional.of(code == null ? "ended" : RunningApp.describeStatus(code.intValue()));
      } catch (RuntimeException e) {
        return Optional.of("ended (" + DockerEngine.rootMessage(e) + ")");
      }
    }
  }

  /**
   * The desktop's folders, read-write where the desktop writes, and the host caches that exist
   * (read-only; the engine would make a missing one as an empty root-owned folder on the host).
   */
  private List<Bind> binds(HostFolders.EtcFiles etc) {
    List<Bind> binds = new java.util.ArrayList<>(List.of(
        new Bind(folders.home().toString(), new Volume(DesktopPaths.HOME)),
        new Bind(folders.run().toString(), new Volume(DesktopPaths.RUN)),
        new Bind(folders.x11().toString(), new Volume(DesktopPaths.X11)),
        new Bind(folders.privileged().toString(), new Volume(DesktopPaths.PRIVILEGED), AccessMode.ro),
        new Bind(etc.passwd().toString(), new Volume("/etc/passwd"), AccessMode.ro),
        new Bind(etc.group().toString(), new Volume("/etc/group"), AccessMode.ro),
        new Bind(etc.hosts().toString(), new Volume("/etc/hosts"), AccessMode.ro)));
    config.presentHostCaches().forEach((name, folder) ->
        binds.add(new Bind(folder.toString(), new Volume(DesktopPaths.HOST_CACHES + "/" + name), AccessMode.ro)));
    return binds;
  }
}
