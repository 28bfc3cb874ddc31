package io.deskforge.desktop.x11;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal X11 protocol client over a Unix socket file. It speaks just what deskforge needs:
 * window properties and geometry, XTEST input, keyboard mapping and GetImage. Working at the
 * protocol level lets the privileged side drive any desktop whose socket it can reach (a sandbox's
 * or a container's, bind-mounted to the host) without spawning a process per action, and without
 * the desktop's display being visible to anything else on the host.
 *
 * <p>Calls are synchronous and serialized: one request, or a batch, at a time.
 */
public final class X11Connection implements AutoCloseable {

  public static final int KEY_PRESS = 2;
  public static final int KEY_RELEASE = 3;
  public static final int BUTTON_PRESS = 4;
  public static final int BUTTON_RELEASE = 5;
  public static final int MOTION_NOTIFY = 6;

  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private final Path socket;
  private volatile long timeoutMillis = 20_000;
  private String broken; // why the connection is out of step, after a time-out
  private final ByteBuffer out = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private final Map<String, Integer> atoms = new HashMap<>();
  private int sequence;
  private int xtestOpcode = -1;

  private final int rootWindow;
  private final int width;
  private final int height;
  private final int rootDepth;
  private final int minKeycode;
  private final int maxKeycode;
  private final int maxRequestLength; // in 4-byte units
  private final int resourceBase;
  private final int resourceMask;
  private int nextResource = 1;

  private X11Connection(SocketChannel channel, Path socket) throws IOException {
    this.channel = channel;
    this.socket = socket;
    channel.configureBlocking(false);
    this.selector = Selector.open();
    this.key = channel.register(selector, 0);
    // Connection setup: little-endian, protocol 11.0, no authorization (the socket file is private).
    ByteBuffer setup = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    setup.put((byte) 'l').put((byte) 0).putShort((short) 11).putShort((short) 0).putShort((short) 0)
        .putShort((short) 0).putShort((short) 0);
    setup.flip();
    writeFully(setup);
    ByteBuffer head = readFully(8);
    int status = head.get(0) & 0xff;
    int extra = (head.getShort(6) & 0xffff) * 4;
    ByteBuffer body = readFully(extra);
    if (status != 1) {
      int reasonLength = head.get(1) & 0xff;
      byte[] reason = new byte[Math.min(reasonLength, body.remaining())];
      body.get(reason);
      throw new X11Exception("X server at " + socket + " refused the connection: "
          + new String(reason, StandardCharsets.ISO_8859_1), false, null);
    }
    resourceBase = body.getInt(4);
    resourceMask = body.getInt(8);
    int vendorLength = body.getShort(16) & 0xffff;
    maxRequestLength = body.getShort(18) & 0xffff;
    int formats = body.get(21) & 0xff;
    minKeycode = body.get(26) & 0xff;
    maxKeycode = body.get(27) & 0xff;
    int screenOffset = 32 + pad(vendorLength) + 8 * formats;
    rootWindow = body.getInt(screenOffset);
    width = body.getShort(screenOffset + 20) & 0xffff;
    height = body.getShort(screenOffset + 22) & 0xffff;
    rootDepth = body.get(screenOffset + 38) & 0xff;
  }

  /** Connects to the X server listening on a Unix socket file, such as {@code .../X0}. */
  public static X11Connection open(Path socket) throws IOException {
    SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    try {
      return new X11Connection(ch, socket);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * How long one request may wait for the server to take it or answer it. Past that the call
   * throws an {@link X11Exception} that says so ({@link X11Exception#timedOut()}), and the
   * connection refuses every later request: a reply may still come and would be misread.
   */
  public void timeout(java.time.Duration timeout) {
    this.timeoutMillis = timeout.toMillis();
  }

  public int rootWindow() { return rootWindow; }

  public int width() { return width; }

  public int height() { return height; }

  public int minKeycode() { return minKeycode; }

  public int maxKeycode() { return maxKeycode; }

  public Path socket() { return socket; }

  // ---------------------------------------------------------------- requests with replies

  public synchronized int internAtom(String name) throws IOException {
    Integer cached = atoms.get(name);
    if (cached != null) return cached;
    byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
    begin(16, 0, 2 + pad(bytes.length) / 4);
    out.putShort((short) bytes.length).putShort((short) 0).put(bytes);
    padOut(bytes.length);
    ByteBuffer reply = reply();
    int atom = reply.getInt(8);
    atoms.put(name, atom);
    return atom;
  }

  /** A property's raw value, or null when the window does not have it. */
  public synchronized Property getProperty(int window, int property) throws IOException {
    begin(20, 0, 6);
    out.putInt(window).putInt(property).putInt(0).putInt(0).putInt(1 << 20);
    ByteBuffer reply = reply();
    int format = reply.get(1) & 0xff;
    int type = reply.getInt(8);
    if (type == 0) return null;
    int items = reply.getInt(16);
    int bytes = format == 0 ? 0 : items * (format / 8);
    byte[] value = new byte[bytes];
    reply.position(32);
    reply.get(value);
    return new Property(type, format, value);
  }

  public String getStringProperty(int window, String name) throws IOException {
    Property p = getProperty(window, internAtom(name));
    return p == null ? null : new String(p.value(), StandardCharsets.UTF_8);
  }

  public int[] getWindowsProperty(int window, String name) throws IOException {
    Property p = getProperty(window, internAtom(name));
    if (p == null || p.format() != 32) return new int[0];
    ByteBuffer b = ByteBuffer.wrap(p.value()).order(ByteOrder.LITTLE_ENDIAN);
    int[] ids = new int[p.value().length / 4];
    for (int i = 0; i < ids.length; i++) ids[i] = b.getInt();
    return ids;
  }

  public synchronized int[] queryTreeChildren(int window) throws IOException {
    begin(15, 0, 2);
    out.putInt(window);
    ByteBuffer reply = reply();
    int n = reply.getShort(16) & 0xffff;
    int[] children = new int[n];
    for (int i = 0; i < n; i++) children[i] = reply.getInt(32 + 4 * i);
    return children;
  }

  /** The parent of a window (0 for the root). */
  public synchronized int queryTreeParent(int window) throws IOException {
    begin(15, 0, 2);
    out.putInt(window);
    return reply().getInt(12);
  }

  /** Window geometry in root coordinates: x, y, width, height. */
  public synchronized int[] geometryOnRoot(int window) throws IOException {
    begin(14, 0, 2);
    out.putInt(window);
    ByteBuffer g = reply();
    int w = g.getShort(16) & 0xffff;
    int h = g.getShort(18) & 0xffff;
    begin(40, 0, 4);
    out.putInt(window).putInt(rootWindow).putShort((short) 0).putShort((short) 0);
    ByteBuffer t = reply();
    return new int[] {t.getShort(12), t.getShort(14), w, h};
  }

  /** GetWindowAttributes: the map state (0 unmapped, 1 unviewable, 2 viewable) and override-redirect (1 or 0). */
  public synchronized int[] attributes(int window) throws IOException {
    begin(3, 0, 2);
    out.putInt(window);
    ByteBuffer r = reply();
    return new int[] {r.get(26) & 0xff, r.get(27) & 0xff};
  }

  /** 0 unmapped, 1 unviewable, 2 viewable. */
  public synchronized int mapState(int window) throws IOException {
    begin(3, 0, 2);
    out.putInt(window);
    return reply().get(26) & 0xff;
  }

  public synchronized int inputFocus() throws IOException {
    begin(43, 0, 1);
    return reply().getInt(8);
  }

  /** A round trip: when it returns, the server has processed every earlier request. */
  public void sync() throws IOException {
    inputFocus();
  }

  public synchronized boolean queryExtension(String name) throws IOException {
    byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
    begin(98, 0, 2 + pad(bytes.length) / 4);
    out.putShort((short) bytes.length).putShort((short) 0).put(bytes);
    padOut(bytes.length);
    ByteBuffer reply = reply();
    if (reply.get(8) == 0) return false;
    if (name.equals("XTEST")) xtestOpcode = reply.get(9) & 0xff;
    return true;
  }

  /** keysyms[k - minKeycode][level] for every keycode. */
  public synchronized int[][] keyboardMapping() throws IOException {
    int count = maxKeycode - minKeycode + 1;
    begin(101, 0, 2);
    out.put((byte) minKeycode).put((byte) count).putShort((short) 0);
    ByteBuffer reply = reply();
    int perKeycode = reply.get(1) & 0xff;
    int[][] map = new int[count][perKeycode];
    reply.position(32);
    for (int k = 0; k < count; k++) for (int l = 0; l < perKeycode; l++) map[k][l] = reply.getInt();
    return map;
  }

  public synchronized void changeKeyboardMapping(int keycode, int[] keysyms) throws IOException {
    begin(100, 1, 2 + keysyms.length);
    out.put((byte) keycode).put((byte) keysyms.length).putShort((short) 0);
    for (int ks : keysyms) out.putInt(ks);
    flush();
  }

  /**
   * The root window's pixels as 0x00RRGGBB ints, row by row, with GetImage in ZPixmap format.
   * Large screens are fetched in bands so that no request exceeds the server's reply limits.
   */
  public synchronized int[] captureRoot() throws IOException {
    if (rootDepth != 24 && rootDepth != 32) {
      throw new X11Exception("screen depth " + rootDepth + " is not supported (24 or 32 expected)", false, null);
    }
    int[] pixels = new int[width * height];
    int band = Math.max(1, Math.min(height, (16 << 20) / (width * 4)));
    for (int y0 = 0; y0 < height; y0 += band) {
      int h = Math.min(band, height - y0);
      begin(73, 2, 5);
      out.putInt(rootWindow).putShort((short) 0).putShort((short) y0).putShort((short) width)
          .putShort((short) h).putInt(0xffffffff);
      ByteBuffer reply = reply();
      reply.position(32);
      reply.asIntBuffer().get(pixels, y0 * width, width * h);
    }
    for (int i = 0; i < pixels.length; i++) pixels[i] &= 0xffffff;
    return pixels;
  }

  /**
   * Sends a 32-bit ClientMessage to the root window, as pagers and taskbars do to ask the window
   * manager for something (such as _NET_ACTIVE_WINDOW).
   */
  public synchronized void sendRootClientMessage(int window, String type, int[] data) throws IOException {
    int atom = internAtom(type);
    begin(25, 0, 11);
    out.putInt(rootWindow).putInt(0x180000); // SubstructureNotify | SubstructureRedirect
    out.put((byte) 33).put((byte) 32).putShort((short) 0).putInt(window).putInt(atom);
    for (int i = 0; i < 5; i++) out.putInt(i < data.length ? data[i] : 0);
    flush();
  }

  /** Creates a small unmapped window of this client, for talking to the window manager. */
  public synchronized int createUnmappedWindow() throws IOException {
    int id = resourceBase | (nextResource++ & resourceMask);
    begin(1, 0, 8);
    out.putInt(id).putInt(rootWindow).putShort((short) 0).putShort((short) 0).putShort((short) 10).putShort((short) 10)
        .putShort((short) 0).putShort((short) 1).putInt(0).putInt(0);
    flush();
    return id;
  }

  /** Asks for a new width; under a window manager the request goes to it, which decides. */
  public synchronized void configureWidth(int window, int width) throws IOException {
    begin(12, 0, 4);
    out.putInt(window).putShort((short) 0x4).putShort((short) 0).putInt(width);
    flush();
  }

  public synchronized void destroyWindow(int window) throws IOException {
    begin(4, 0, 2);
    out.putInt(window);
    flush();
  }

  // ---------------------------------------------------------------- XTEST input (no replies)

  /** Queues one fake input event; call {@link #sync()} to know it was processed. */
  public synchronized void fakeInput(int type, int detail, int x, int y) throws IOException {
    if (xtestOpcode < 0 && !queryExtensionUnlocked()) {
      throw new X11Exception("the X server has no XTEST extension; input cannot be injected", false, null);
    }
    begin(xtestOpcode, 2, 9);
    out.put((byte) type).put((byte) detail).putShort((short) 0).putInt(0)
        .putInt(type == MOTION_NOTIFY ? rootWindow : 0).putLong(0)
        .putShort((short) x).putShort((short) y)
        .put(new byte[7]).put((byte) 0);
    flush();
  }

  private boolean queryExtensionUnlocked() throws IOException {
    return queryExtension("XTEST");
  }

  // ---------------------------------------------------------------- wire

  private void begin(int opcode, int data, int lengthUnits) throws IOException {
    if (lengthUnits > maxRequestLength) {
      throw new X11Exception("request too long for the server: " + lengthUnits + " units", false, null);
    }
    if (out.remaining() < lengthUnits * 4) flush();
    out.put((byte) opcode).put((byte) data).putShort((short) lengthUnits);
    sequence = (sequence + 1) & 0xffff;
  }

  private void padOut(int n) {
    for (int i = n; i < pad(n); i++) out.put((byte) 0);
  }

  private void flush() throws IOException {
    out.flip();
    writeFully(out);
    out.clear();
  }

  /** Sends what is queued and reads until the reply to the last request; events are skipped. */
  private ByteBuffer reply() throws IOException {
    flush();
    int expected = sequence;
    while (true) {
      ByteBuffer head = readFully(32);
      int kind = head.get(0) & 0xff;
      int seq = head.getShort(2) & 0xffff;
      if (kind == 0) {
        int code = head.get(1) & 0xff;
        int major = head.get(10) & 0xff;
        throw new X11Exception("X error " + errorName(code) + " (request " + major + ", value 0x"
            + Integer.toHexString(head.getInt(4)) + ")", false, null);
      }
      if (kind != 1) continue; // an event (MappingNotify reaches every client): not ours to handle
      int extraUnits = head.getInt(4);
      if (seq != expected) {
        readFully(extraUnits * 4);
        continue;
      }
      ByteBuffer all = ByteBuffer.allocate(32 + extraUnits * 4).order(ByteOrder.LITTLE_ENDIAN);
      all.put(head.rewind());
      if (extraUnits > 0) all.put(readFully(extraUnits * 4));
      return all.flip();
    }
  }

  private void writeFully(ByteBuffer b) throws IOException {
    checkInStep();
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try {
      while (b.hasRemaining()) {
        if (channel.write(b) == 0) await(SelectionKey.OP_WRITE, deadline, "take a request");
      }
    } catch (X11Exception e) {
      throw e;
    } catch (IOException e) {
      throw lost(e);
    }
  }

  private ByteBuffer readFully(int n) throws IOException {
    checkInStep();
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    try {
      while (b.hasRemaining()) {
        int got = channel.read(b);
        if (got < 0) throw new EOFException("end of stream");
        if (got == 0) await(SelectionKey.OP_READ, deadline, "answer");
      }
    } catch (X11Exception e) {
      throw e;
    } catch (IOException e) {
      throw lost(e);
    }
    return b.flip();
  }

  private void await(int op, long deadline, String what) throws IOException {
    long left = (deadline - System.nanoTime()) / 1_000_000L;
    if (left > 0) {
      key.interestOps(op);
      selector.select(left);
      selector.selectedKeys().clear();
      key.interestOps(0);
      if (System.nanoTime() < deadline) return; // ready, or woken early: the caller tries again
    }
    broken = "the X server at " + socket + " did not " + what + " within " + timeoutMillis
        + " ms (another client may hold a server grab, or the server is stopped)";
    throw new X11Exception(broken, false, true, null);
  }

  private void checkInStep() throws X11Exception {
    if (broken != null) throw new X11Exception("the connection is out of step since an earlier time-out: " + broken, false, true, null);
  }

  private X11Exception lost(IOException cause) {
    return new X11Exception("connection to the X server at " + socket + " was lost: " + cause.getMessage(), true, cause);
  }

  private static int pad(int n) {
    return (n + 3) & ~3;
  }

  private static String errorName(int code) {
    String[] names = {"", "BadRequest", "BadValue", "BadWindow", "BadPixmap", "BadAtom", "BadCursor",
        "BadFont", "BadMatch", "BadDrawable", "BadAccess", "BadAlloc", "BadColor", "BadGC", "BadIDChoice",
        "BadName", "BadLength", "BadImplementation"};
    return code < names.length ? names[code] : "error " + code;
  }

  @Override
  public void close() {
    try {
      selector.close();
      channel.close();
    } catch (IOException ignored) {
      // closing a dead socket: nothing left to release
    }
  }

  /** A window property: its type atom, its format (8, 16 or 32) and raw bytes. */
  public record Property(int type, int format, byte[] value) {
    /** The NUL-separated strings of a STRING list such as WM_CLASS. */
    public List<String> strings() {
      List<String> out = new ArrayList<>();
      int start = 0;
      for (int i = 0; i <= value.length; i++) {
        if (i == value.length || value[i] == 0) {
          if (i > start) out.add(new String(value, start, i - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
      return out;
    }
  }
}
