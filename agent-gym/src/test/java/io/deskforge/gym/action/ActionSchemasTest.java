package io.deskforge.gym.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.desktop.x11.Keysyms;
import io.deskforge.gym.action.ActionSchemas.Mapping;
import io.deskforge.gym.action.ActionSchemas.Screen;
import io.deskforge.gym.action.GymCommand.Observe;
import io.deskforge.gym.action.GymCommand.Perform;
import io.deskforge.gym.action.GymCommand.Terminate;
import io.deskforge.gym.action.GymCommand.Zoom;
import io.deskforge.task.action.Action;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionSchemasTest {
  /** A 1280x800 screen with the pointer at (640, 400). */
  static final Screen SCREEN = new Screen(1280, 800, 640, 400);

  static final ObjectMapper JSON = new ObjectMapper();

  /** JSON written with single quotes for double ones. */
  static JsonNode json(String relaxed) {
    try {
      return JSON.readTree(relaxed.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(relaxed, e);
    }
  }

  static ParsedStep parse(String relaxed) {
    return ActionSchemas.parse(json(relaxed), SCREEN);
  }

  static List<GymCommand> commands(String relaxed) {
    return parse(relaxed).commands();
  }

  /** The one action a body performs. */
  static Action action(String relaxed) {
    List<GymCommand> commands = commands(relaxed);
    assertThat(commands).hasSize(1);
    assertThat(commands.getFirst()).isInstanceOf(Perform.class);
    return ((Perform) commands.getFirst()).action();
  }

  static ActionException refused(String relaxed) {
    ActionException e = catchThrowableOfType(ActionException.class, () -> parse(relaxed));
    assertThat(e).as("refused: %s", relaxed).isNotNull();
    return e;
  }

  /** The message of a refusal that must name this field. */
  static String refusedAt(String relaxed, String field) {
    ActionException e = refused(relaxed);
    assertThat(e.field()).as("the field %s names", relaxed).isEqualTo(field);
    return e.getMessage();
  }

  static Perform perform(Action a) {
    return new Perform(a);
  }

  /** A command's name as the mapping table's deskforge column writes it. */
  static String name(GymCommand c) {
    return switch (c) {
      case Perform p -> p.action().name();
      case Observe o -> o.what();
      case Zoom z -> "zoom";
      case Terminate t -> t.done() ? "done" : "fail";
    };
  }

  /** Every action of every schema, with the one command it must become (and the schema it is detected in). */
  static Stream<Arguments> everyAction() {
    return Stream.of(
        // deskforge's: read as they are
        arguments("deskforge", "{'action':'click','x':10,'y':20}", perform(new Action.Click(10, 20))),
        arguments("deskforge", "{'action':'click','x':10.0,'y':20}", perform(new Action.Click(10, 20))),
        arguments("deskforge", "{'action':'double_click','x':10,'y':20}", perform(new Action.DoubleClick(10, 20))),
        arguments("deskforge", "{'action':'right_click','x':10,'y':20}", perform(new Action.RightClick(10, 20))),
        arguments("deskforge", "{'action':'middle_click','x':10,'y':20}", perform(new Action.MiddleClick(10, 20))),
        arguments("deskforge", "{'action':'triple_click','x':10,'y':20}", perform(new Action.TripleClick(10, 20))),
        arguments("deskforge", "{'action':'mouse_down','x':10,'y':20,'button':'right'}", perform(new Action.MouseDown(10, 20, "right"))),
        arguments("deskforge", "{'action':'mouse_down','x':10,'y':20}", perform(new Action.MouseDown(10, 20, "left"))),
        arguments("deskforge", "{'action':'mouse_up','x':10,'y':20,'button':'middle'}", perform(new Action.MouseUp(10, 20, "middle"))),
        arguments("deskforge", "{'action':'move','x':0,'y':799}", perform(new Action.Move(0, 799))),
        arguments("deskforge", "{'action':'drag','from_x':1,'from_y':2,'to_x':1279,'to_y':40}", perform(new Action.Drag(1, 2, 1279, 40))),
        arguments("deskforge", "{'action':'scroll','x':10,'y':20,'dx':-2,'dy':5}", perform(new Action.Scroll(10, 20, -2, 5))),
        arguments("deskforge", "{'action':'type','text':'hello\\nworld'}", perform(new Action.Type("hello\nworld"))),
        arguments("deskforge", "{'action':'key','keys':'ctrl+s'}", perform(new Action.Key("ctrl+s"))),
        arguments("deskforge", "{'action':'key','keys':'ctrl+a BackSpace'}", perform(new Action.Key("ctrl+a BackSpace"))),
        arguments("deskforge", "{'action':'hold_key','keys':'shift','ms':500}", perform(new Action.HoldKey("shift", 500))),
        arguments("deskforge", "{'action':'wait','ms':60000}", perform(new Action.Wait(60_000))),
        arguments("deskforge", "{'action':'wait_window','title':'Save.*','timeout_ms':3000}", perform(new Action.WaitForWindow("Save.*", 3000))),
        arguments("deskforge", "{'action':'wait_window','title':'Save','timeout_ms':0}", perform(new Action.WaitForWindow("Save", 5000))),
        arguments("deskforge", "{'action':'wait_menu','depth':2,'timeout_ms':3000}", perform(new Action.WaitForMenu(2, 3000))),
        arguments("deskforge", "{'action':'wait_idle','quiet_ms':300,'timeout_ms':10000}", perform(new Action.WaitForIdle(300, 10_000))),
        arguments("deskforge", "{'action':'click_until_window','x':10,'y':20,'title':'Location','retry_ms':4000,'timeout_ms':20000}",
            perform(new Action.ClickUntilWindow(10, 20, "Location", 4000, 20_000))),
        arguments("deskforge", "{'action':'screenshot'}", new Observe("screenshot")),
        arguments("deskforge", "{'action':'done'}", new Terminate(true)),
        arguments("deskforge", "{'action':'fail'}", new Terminate(false)),
        // OpenAI's computer tool
        arguments("openai", "{'type':'click','x':10,'y':20,'button':'left'}", perform(new Action.Click(10, 20))),
        arguments("openai", "{'type':'click','x':10,'y':20}", perform(new Action.Click(10, 20))),
        arguments("openai", "{'type':'click','x':10,'y':20,'button':'right'}", perform(new Action.RightClick(10, 20))),
        arguments("openai", "{'type':'click','x':10,'y':20,'button':'wheel'}", perform(new Action.MiddleClick(10, 20))),
        arguments("openai", "{'type':'double_click','x':10,'y':20}", perform(new Action.DoubleClick(10, 20))),
        arguments("openai", "{'type':'scroll','x':10,'y':20,'scroll_x':-200,'scroll_y':300}", perform(new Action.Scroll(10, 20, -2, 3))),
        arguments("openai", "{'type':'type','text':'hi there'}", perform(new Action.Type("hi there"))),
        arguments("openai", "{'type':'keypress','keys':['CTRL','S']}", perform(new Action.Key("ctrl+s"))),
        arguments("openai", "{'type':'drag','path':[{'x':1,'y':2},{'x':30,'y':40}]}", perform(new Action.Drag(1, 2, 30, 40))),
        arguments("openai", "{'type':'move','x':1279,'y':799}", perform(new Action.Move(1279, 799))),
        arguments("openai", "{'type':'wait'}", perform(new Action.Wait(1000))),
        arguments("openai", "{'type':'screenshot'}", new Observe("screenshot")),
        // Anthropic's computer tool
        arguments("anthropic", "{'action':'key','text':'ctrl+s'}", perform(new Action.Key("ctrl+s"))),
        arguments("anthropic", "{'action':'hold_key','text':'shift','duration':0.5}", perform(new Action.HoldKey("shift", 500))),
        arguments("anthropic", "{'action':'type','text':'hello','schema':'anthropic'}", perform(new Action.Type("hello"))),
        arguments("anthropic", "{'action':'cursor_position'}", new Observe("cursor_position")),
        arguments("anthropic", "{'action':'mouse_move','coordinate':[10,20]}", perform(new Action.Move(10, 20))),
        arguments("anthropic", "{'action':'left_mouse_down','coordinate':[10,20]}", perform(new Action.MouseDown(10, 20, "left"))),
        arguments("anthropic", "{'action':'left_mouse_down'}", perform(new Action.MouseDown(640, 400, "left"))),
        arguments("anthropic", "{'action':'left_mouse_up','coordinate':[10,20]}", perform(new Action.MouseUp(10, 20, "left"))),
        arguments("anthropic", "{'action':'left_mouse_up'}", perform(new Action.MouseUp(640, 400, "left"))),
        arguments("anthropic", "{'action':'left_click','coordinate':[10,20]}", perform(new Action.Click(10, 20))),
        arguments("anthropic", "{'action':'left_click'}", perform(new Action.Click(640, 400))),
        arguments("anthropic", "{'action':'right_click','coordinate':[10,20]}", perform(new Action.RightClick(10, 20))),
        arguments("anthropic", "{'action':'right_click'}", perform(new Action.RightClick(640, 400))),
        arguments("anthropic", "{'action':'middle_click','coordinate':[10,20]}", perform(new Action.MiddleClick(10, 20))),
        arguments("anthropic", "{'action':'middle_click'}", perform(new Action.MiddleClick(640, 400))),
        arguments("anthropic", "{'action':'double_click','coordinate':[10,20]}", perform(new Action.DoubleClick(10, 20))),
        arguments("anthropic", "{'action':'double_click'}", perform(new Action.DoubleClick(640, 400))),
        arguments("anthropic", "{'action':'triple_click','coordinate':[10,20]}", perform(new Action.TripleClick(10, 20))),
        arguments("anthropic", "{'action':'triple_click','coordinate':null}", perform(new Action.TripleClick(640, 400))),
        arguments("anthropic", "{'action':'left_click_drag','start_coordinate':[1,2],'coordinate':[30,40]}", perform(new Action.Drag(1, 2, 30, 40))),
        arguments("anthropic", "{'action':'left_click_drag','coordinate':[30,40]}", perform(new Action.Drag(640, 400, 30, 40))),
        arguments("anthropic", "{'action':'scroll','coordinate':[10,20],'scroll_direction':'down','scroll_amount':3}", perform(new Action.Scroll(10, 20, 0, 3))),
        arguments("anthropic", "{'action':'scroll','scroll_direction':'up','scroll_amount':2}", perform(new Action.Scroll(640, 400, 0, -2))),
        arguments("anthropic", "{'action':'wait','duration':1.5}", perform(new Action.Wait(1500))),
        arguments("anthropic", "{'action':'wait','duration':60}", perform(new Action.Wait(60_000))),
        arguments("anthropic", "{'action':'screenshot','schema':'anthropic'}", new Observe("screenshot")),
        arguments("anthropic", "{'action':'zoom','region':[100,50,740,450]}", new Zoom(100, 50, 740, 450)),
        arguments("anthropic", "{'action':'zoom','region':[0,0,1280,800]}", new Zoom(0, 0, 1280, 800)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyAction")
  void everyActionBecomesExactlyItsCommand(String schema, String body, GymCommand command) {
    assertThat(parse(body)).isEqualTo(new ParsedStep(schema, List.of(command)));
  }

  @Test
  void everyActionNameOfEverySchemaIsInTheExactTable() {
    for (String schema : List.of("deskforge", "openai", "anthropic")) {
      Set<String> covered = everyAction().map(Arguments::get)
          .filter(a -> a[0].equals(schema))
          .map(a -> json((String) a[1]).get(schema.equals("openai") ? "type" : "action").asText())
          .collect(Collectors.toSet());
      assertThat(covered).as(schema).containsAll(ActionSchemas.actionNames(schema));
    }
  }

  /** Refusals that name the field; their messages are checked where they matter, in the nested classes. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # deskforge's schema: a left-out field is named, not read as 0; a string or fraction is named, not coerced
      {'action':'drag','from_x':1,'from_y':2,'to_x':3}                                                 | /to_y
      {'action':'key'}                                                                                 | /keys
      {'action':'click','x':5,'y':null}                                                                | /y
      {'action':'click','x':3000000000,'y':3}                                                          | /x
      {'action':'wait','ms':'1000'}                                                                    | /ms
      {'action':'move','x':-1,'y':3}                                                                   | /x
      {'action':'drag','from_x':1,'from_y':2,'to_x':3,'to_y':900}                                      | /to_y
      {'action':'drag','from_x':1,'from_y':-2,'to_x':3,'to_y':4}                                       | /from_y
      {'action':'scroll','x':1300,'y':2,'dx':0,'dy':1}                                                 | /x
      {'action':'mouse_up','x':1,'y':801}                                                              | /y
      {'action':'hold_key','keys':'ctrl+','ms':10}                                                     | /keys
      {'action':'key','keys':'  '}                                                                     | /keys
      {'action':'wait','ms':-1}                                                                        | /ms
      {'action':'hold_key','keys':'a','ms':60001}                                                      | /ms
      {'action':'wait_window','title':'x','timeout_ms':60001}                                          | /timeout_ms
      {'action':'wait_window','title':'(unclosed','timeout_ms':100}                                    | /title
      {'action':'wait_window','title':'Save'}                                                          | /timeout_ms
      {'action':'wait_menu','depth':-1,'timeout_ms':100}                                               | /depth
      {'action':'wait_menu','depth':1,'timeout_ms':60001}                                              | /timeout_ms
      {'action':'wait_idle','quiet_ms':0,'timeout_ms':100}                                             | /quiet_ms
      {'action':'wait_idle','quiet_ms':300,'timeout_ms':60001}                                         | /timeout_ms
      {'action':'click_until_window','x':1,'y':2000,'title':'x','retry_ms':100,'timeout_ms':1000}      | /y
      {'action':'click_until_window','x':1,'y':2,'title':'(unclosed','retry_ms':100,'timeout_ms':1000} | /title
      {'action':'click_until_window','x':1,'y':2,'title':'x','retry_ms':100,'timeout_ms':60001}        | /timeout_ms
      {'action':'scroll','x':1,'y':2,'dx':0,'dy':101}                                                  | /dy
      {'action':'scroll','x':1,'y':2,'dx':-101,'dy':0}                                                 | /dx
      {'actions':[{'action':'click','x':1,'y':2},{'action':'click','x':1,'y':2000}]}                   | /actions/1/y
      {'action':{'action':'click','x':-1,'y':2}}                                                       | /action/x
      {'action':'done','reason':'x'}                                                                   | /reason
      # the OpenAI computer tool
      {'type':'scroll','x':10,'y':20,'scroll_y':3}                                                     | /scroll_x
      {'type':'keypress','keys':[]}                                                                    | /keys
      {'type':'keypress','keys':'CTRL+C'}                                                              | /keys
      {'type':'keypress','keys':['CTRL',3]}                                                            | /keys/1
      {'type':'keypress','keys':['F13']}                                                               | /keys/0
      {'type':'drag','path':[]}                                                                        | /path
      {'type':'drag'}                                                                                  | /path
      {'type':'drag','path':[{'x':1,'y':2},[3,4]]}                                                     | /path/1
      {'type':'drag','path':[{'x':1,'y':2,'z':0},{'x':3,'y':4}]}                                       | /path/0/z
      {'type':'scroll','x':1,'y':2,'scroll_x':0,'scroll_y':100,'keys':['CTRL']}                        | /keys
      {'type':'drag','path':[{'x':1,'y':2},{'x':3,'y':4}],'keys':['ALT']}                              | /keys
      {'type':'click','x':1,'y':2,'keys':'SHIFT'}                                                      | /keys
      {'type':'click','x':1,'y':2,'button':3}                                                          | /button
      {'type':'computer_call','call_id':'c'}                                                           | /action
      {'type':'computer_call','action':'click'}                                                        | /action
      {'type':'computer_call','actions':[{'type':'click','x':5,'y':6000}]}                             | /actions/0/y
      # the Anthropic computer tool
      {'action':'left_click_drag','start_coordinate':[1,2]}                                            | /coordinate
      {'action':'left_click_drag','start_coordinate':[-1,2],'coordinate':[3,4]}                        | /start_coordinate/0
      {'action':'mouse_move','coordinate':'10,20'}                                                     | /coordinate
      {'action':'scroll','coordinate':[10,20],'scroll_direction':'up','scroll_amount':-1}              | /scroll_amount
      {'action':'scroll','coordinate':[10,20],'scroll_direction':'up'}                                 | /scroll_amount
      {'action':'scroll','coordinate':[10,20],'scroll_direction':'up','scroll_amount':101}             | /scroll_amount
      {'action':'scroll','coordinate':[10,20],'scroll_amount':1}                                       | /scroll_direction
      {'action':'wait','duration':-1}                                                                  | /duration
      {'action':'wait','duration':'2'}                                                                 | /duration
      {'action':'hold_key','text':'a','duration':60.5}                                                 | /duration
      {'action':'hold_key','text':'a'}                                                                 | /duration
      {'action':'zoom','region':[100,50,100,450]}                                                      | /region/2
      {'action':'zoom','region':[100,50,200,40]}                                                       | /region/3
      {'action':'zoom','region':[0,800,10,801]}                                                        | /region/1
      {'action':'zoom','region':[0,0,10]}                                                              | /region
      {'action':'zoom'}                                                                                | /region
      {'action':'key','text':'ctrl+'}                                                                  | /text
      {'action':'key','text':''}                                                                       | /text
      {'action':'hold_key','text':'a++b','duration':1}                                                 | /text
      {'action':'cursor_position','coordinate':[1,2]}                                                  | /coordinate
      {'action':'double_click','text':'ctrl'}                                                          | /text
      {'action':'scroll','coordinate':[10,20],'scroll_direction':'up','scroll_amount':1,'text':'ctrl'} | /text
      {'type':'tool_use','name':'computer','input':{}}                                                 | /input/action
      {'type':'tool_use','name':'computer'}                                                            | /input
      {'type':'tool_use','input':{}}                                                                   | /name
      {'name':'key','input':{'action':'type','text':'Return'}}                                         | /input/action
      {'name':'left_click','input':{'coordinate':[5,6000]}}                                            | /input/coordinate/1
      # detection, wrappers and batches
      {'action':'right_click','schema':'deskforge'}                                                     | /x
      {'actions':[{'action':'scroll','x':1,'coordinate':[1,2]}]}                                        | /actions/0
      {'actions':[{'type':'move','x':1,'y':2},{'action':'click','x':1,'y':2}]}                          | /actions/1
      {'schema':'deskforge','action':'left_click'}                                                      | /action
      {'schema':'deskforge','type':'tool_use','name':'computer','input':{}}                             | /schema
      {'schema':'anthropic','type':'computer_call','action':{'type':'wait'}}                            | /schema
      [{'action':'click','x':1,'y':2}]                                                                  | ""
      42                                                                                                | ""
      null                                                                                              | ""
      {'actions':[3]}                                                                                   | /actions/0
      {'type':'computer_call','actions':[]}                                                             | /actions
      {'actions':{'action':'click'}}                                                                    | /actions
      {'actions':[{'action':'done'}],'reason':'x'}                                                      | /reason
      {'action':{'action':'done'},'x':1}                                                                | /x
      {'action':{'action':'done'},'actions':[]}                                                         | /actions
      """)
  void refusalsNameTheField(String body, String field) {
    assertThat(refused(body).field()).isEqualTo(field);
  }

  /** Refusals whose whole message matters: what is wrong, in words an agent can act on. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {'action':'click','x':5}                                                                    | /y: missing: click takes x, y
      {'action':'click','x':'12','y':3}                                                           | /x: must be an integer, got "12"
      {'action':'click','x':1.5,'y':3}                                                            | /x: must be an integer, got 1.5
      {'action':'type','text':42}                                                                 | /text: must be a string, got 42
      {'action':'click','x':1280,'y':3}                                                           | /x: 1280 is off the 1280x800 screen
      {'action':'click','x':3,'y':800}                                                            | /y: 800 is off the 1280x800 screen
      {'action':'wait','ms':60001}                                                                | /ms: 60001 ms is outside 0 to 60000 ms
      {'action':7}                                                                                | /action: must be an action name, got 7
      {'type':'drag','path':[{'x':1,'y':2}]}                                                      | /path: has 1 point(s); a drag needs at least 2
      {'type':'drag','path':[{'x':1,'y':2},{'x':3,'y':900}]}                                      | /path/1/y: 900 is off the 1280x800 screen
      {'type':'click','y':2}                                                                      | /x: missing: click needs it
      {'type':'move','x':'1','y':2}                                                               | /x: must be an integer pixel, got "1"
      {'type':'double_click','x':1,'y':2,'z':3}                                                   | /z: unknown field of double_click; it takes x, y, keys
      {'type':'wait','ms':500}                                                                    | /ms: unknown field of wait, which takes none
      {'action':'mouse_move'}                                                                     | /coordinate: missing: mouse_move needs it
      {'action':'scroll','coordinate':[10,20],'scroll_direction':'sideways','scroll_amount':1}    | /scroll_direction: must be up, down, left or right, got 'sideways'
      {'action':'wait','duration':61}                                                             | /duration: 61 s is outside 0 to 60 s
      {'action':'zoom','region':[100,50,1281,450]}                                                | /region/2: 1281 is off the 1280x800 screen
      {'action':'left_click','coordinate':[1500,10]}                                              | /coordinate/0: 1500 is off the 1280x800 screen
      {'action':'left_click','coordinate':[10,800]}                                               | /coordinate/1: 800 is off the 1280x800 screen
      {'action':'mouse_move','coordinate':[10]}                                                   | /coordinate: must be [x, y], got [10]
      {'action':'mouse_move','coordinate':[10.5,20]}                                              | /coordinate/0: must be an integer pixel, got 10.5
      {'action':'left_click','coordinates':[1,2]}                                                 | /coordinates: unknown field of left_click; it takes coordinate, text
      {'action':'key','text':5}                                                                   | /text: must be a string, got 5
      {'type':'tool_use','name':'computer','input':{'action':'left_click','coordinate':[1500,6]}} | /input/coordinate/0: 1500 is off the 1280x800 screen
      {'action':'click','coordinate':[1,2]}                                                       | /coordinate: unknown field of click; it takes x, y
      {'schema':'claude','action':'left_click'}                                                   | /schema: must be deskforge, openai or anthropic, got "claude"
      {'actions':[]}                                                                              | /actions: is empty; send at least one action
      {'action':'click','x':1,'y':2,'button':'left'}                                              | /button: unknown field of click; it takes x, y
      {'type':'click','x':10,'y':20,'button':'middle'}                                            | /button: must be left, right, wheel, back or forward, got 'middle'
      {'type':'scroll','x':10,'y':20,'scroll_x':0,'scroll_y':-10050}                              | /scroll_y: 101 wheel clicks; a scroll turns the wheel at most 100
      {'type':'hover','x':1,'y':2}                                                                | /type: unknown action 'hover' in the OpenAI computer tool; it knows click, double_click, scroll, type, keypress, drag, move, wait, screenshot
      """)
  void refusalsSayExactlyWhatIsWrong(String body, String message) {
    assertThat(refused(body).getMessage()).isEqualTo(message);
  }

  /** Refusals that name the field and say why; the part of the message that matters is given. */
  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      'WAIT'                                                                                  | ``              | a bare string must be "DONE" or "FAIL"
      {}                                                                                      | /action         | missing: the action's name in deskforge's schema
      {'action':'mouse_down','x':1,'y':2,'button':'wheel'}                                    | /button         | button must be left, middle or right, got 'wheel'
      {'action':'hover','x':1,'y':2}                                                          | /action         | unknown action 'hover' in deskforge's schema; it knows click, double_click, right_click
      {'action':'key','keys':'ctrl+Hyper'}                                                    | /keys           | unknown key 'Hyper' in 'ctrl+Hyper'
      {'action':'key','keys':'ctrl++'}                                                        | /keys           | write the + key as 'plus'
      {'type':'click','x':10,'y':20,'button':'back'}                                          | /button         | the back button is not supported
      {'type':'click','x':10,'y':20,'button':'forward'}                                       | /button         | the forward button is not supported
      {'type':'keypress','keys':['CTRL','HYPER']}                                             | /keys/1         | unknown key 'HYPER'; deskforge knows
      {'type':'keypress','keys':['CTRL','HYPER']}                                             | /keys/1         | deskforge knows ctrl, alt, shift, super, Return
      {'type':'keypress','keys':['CTRL','HYPER']}                                             | /keys/1         | F1-F12, single characters and X keysym names
      {'type':'click','x':1,'y':2,'button':'left','keys':['SHIFT']}                           | /keys           | click with keys held (["SHIFT"]) is not supported
      {'action':'left_click','coordinate':[10,20],'text':'shift'}                             | /text           | left_click with keys held ('shift') is not supported
      {'action':'key','text':'KP_0'}                                                          | /text           | unknown key 'KP_0'
      {'action':'key','text':'XF86AudioMute'}                                                 | /text           | unknown key 'XF86AudioMute'
      {'action':'key','text':'Print'}                                                         | /text           | unknown key 'Print'
      {'action':'key','text':'ctrl+Hyper_L'}                                                  | /text           | unknown key 'Hyper_L' in 'ctrl+Hyper_L'
      {'action':'key','text':'F13'}                                                           | /text           | unknown key 'F13'
      {'type':'tool_use','name':'computer','input':{'action':'hover'}}                        | /input/action   | unknown action 'hover' in the Anthropic computer tool; it knows key, hold_key
      {'type':'tool_use','name':'computer','input':{'action':'hover'}}                        | /input/action   | left_click_drag, scroll, wait, screenshot, zoom
      {'type':'tool_use','name':'bash','input':{'command':'ls'}}                              | /name           | unknown tool 'bash'; the gym takes the computer tool ('computer') and its actions as tools of their own: key,
      {'action':'key','keys':'a','text':'b'}                                                  | ``              | key has a field of deskforge's schema (keys) and one of the Anthropic computer tool's (text)
      {'actions':[{'action':'left_click','coordinate':[1,2]},{'action':'click','x':1,'y':2}]} | /actions/1      | but /actions/0 is one of the Anthropic computer tool; a body's actions are in one schema
      {'actions':[{'action':'fail'},{'action':'type','text':'a'}]}                            | /actions/0      | ends the episode, so it must be the body's last action
      {'schema':'openai','action':'click','x':1,'y':2}                                        | /type           | missing: the action's name in the OpenAI computer tool
      {'schema':'anthropic','action':'click','x':1,'y':2}                                     | /action         | unknown action 'click' in the Anthropic computer tool
      """)
  void refusalsNameTheFieldAndSayWhy(String body, String field, String says) {
    assertThat(refusedAt(body, field)).contains(says);
  }

  /** Text is counted in characters, not UTF-16 units: 10,000 emoji pass, 10,001 letters do not. */
  @ParameterizedTest
  @ValueSource(strings = {"a", "é", "😀"})
  void textIsLimitedTo10000Characters(String character) {
    String text = character.repeat(10_000);
    assertThat(action("{'action':'type','text':'" + text + "'}")).isEqualTo(new Action.Type(text));
    assertThat(refused("{'action':'type','text':'" + text + character + "'}").getMessage())
        .isEqualTo("/text: 10001 characters; at most 10000 a field");
  }

  @Nested
  class Deskforge {
    @Test
    void osworldsBareStringsEndTheEpisode() {
      assertThat(parse("'DONE'")).isEqualTo(new ParsedStep("deskforge", List.of(new Terminate(true))));
      assertThat(parse("'FAIL'")).isEqualTo(new ParsedStep("deskforge", List.of(new Terminate(false))));
      assertThat(commands("{'actions':[{'action':'click','x':1,'y':2},'DONE']}"))
          .containsExactly(perform(new Action.Click(1, 2)), new Terminate(true));
    }

    @Test
    void wrappedBatchedAndBareFormsReadAlike() {
      ParsedStep bare = parse("{'action':'click','x':1,'y':2}");
      ParsedStep wrapped = parse("{'action':{'action':'click','x':1,'y':2}}");
      assertThat(bare).isEqualTo(new ParsedStep("deskforge", List.of(perform(new Action.Click(1, 2)))));
      assertThat(wrapped).isEqualTo(bare);
      assertThat(parse("{'actions':[{'action':'click','x':1,'y':2},{'action':'type','text':'hi'}]}"))
          .isEqualTo(new ParsedStep("deskforge", List.of(perform(new Action.Click(1, 2)), perform(new Action.Type("hi")))));
    }

    @Test
    void thePlusKeyIsWrittenPlus() {
      assertThat(action("{'action':'key','keys':'ctrl+plus'}")).isEqualTo(new Action.Key("ctrl+plus"));
    }
  }

  @Nested
  class OpenAi {
    @ParameterizedTest(name = "{0} px -> {1} wheel clicks")
    @CsvSource({"0,0", "1,1", "-1,-1", "49,1", "50,1", "100,1", "149,1", "150,2", "250,3", "-300,-3", "1000,10", "10049,100"})
    void scrollPixelsBecomeWheelClicks(int pixels, int clicks) {
      assertThat(action("{'type':'scroll','x':10,'y':20,'scroll_x':0,'scroll_y':" + pixels + "}"))
          .isEqualTo(new Action.Scroll(10, 20, 0, clicks));
      assertThat(action("{'type':'scroll','x':10,'y':20,'scroll_x':" + pixels + ",'scroll_y':0}"))
          .isEqualTo(new Action.Scroll(10, 20, clicks, 0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'CTRL','C'|ctrl+c", "'ENTER'|Return", "'RETURN'|Return", "'ESC'|Escape", "'ARROWLEFT'|Left", "'ARROWRIGHT'|Right",
        "'ARROWUP'|Up", "'ARROWDOWN'|Down", "'SPACE'|space", "'BACKSPACE'|BackSpace", "'TAB'|Tab", "'DELETE'|Delete",
        "'HOME'|Home", "'END'|End", "'PAGEUP'|Page_Up", "'PAGEDOWN'|Page_Down", "'SHIFT','ALT','F4'|shift+alt+F4",
        "'META','L'|super+l", "'CMD','Q'|super+q", "'SUPER'|super", "'F1'|F1", "'F12'|F12", "'CTRL','1'|ctrl+1",
        "'ctrl','shift','t'|ctrl+shift+t", "'CTRL+SHIFT+T'|ctrl+shift+t", "'CTRL','+'|ctrl+plus", "' '|space",
        "'CAPSLOCK'|Caps_Lock", "'INSERT'|Insert", "'/'|/"})
    void keypressNamesBecomeOneCombination(String keys, String combo) {
      assertThat(action("{'type':'keypress','keys':[" + keys + "]}")).isEqualTo(new Action.Key(combo));
    }

    @Test
    void aTwoPointPathIsADrag() {
      assertThat(action("{'type':'drag','path':[{'x':1,'y':2},{'x':30,'y':40}]}")).isEqualTo(new Action.Drag(1, 2, 30, 40));
    }

    @Test
    void aLongerPathPressesMovesAndReleases() {
      assertThat(commands("{'type':'drag','path':[{'x':1,'y':2},{'x':10,'y':20},{'x':11,'y':21},{'x':30,'y':40}]}"))
          .containsExactly(
              perform(new Action.MouseDown(1, 2, "left")),
              perform(new Action.Move(10, 20)),
              perform(new Action.Move(11, 21)),
              perform(new Action.MouseUp(30, 40, "left")));
    }

    @Test
    void aPathHoldsAtMost64Points() {
      String points = IntStream.range(0, 65).mapToObj(i -> "{'x':" + i + ",'y':1}").collect(Collectors.joining(","));
      assertThat(refused("{'type':'drag','path':[" + points + "]}").field()).isEqualTo("/path");
    }

    @Test
    void noKeysHeldIsFine() {
      assertThat(action("{'type':'move','x':1,'y':2,'keys':[]}")).isEqualTo(new Action.Move(1, 2));
      assertThat(action("{'type':'double_click','x':1,'y':2,'keys':null}")).isEqualTo(new Action.DoubleClick(1, 2));
    }

    @Test
    void computerCallItemsAreReadWithTheirActionOrActions() {
      ParsedStep one = parse("{'type':'computer_call','id':'cu_1','call_id':'call_1','status':'completed',"
          + "'pending_safety_checks':[],'action':{'type':'click','x':5,'y':6,'button':'left'}}");
      assertThat(one).isEqualTo(new ParsedStep("openai", List.of(perform(new Action.Click(5, 6)))));
      ParsedStep batch = parse("{'type':'computer_call','call_id':'call_1','actions':[{'type':'type','text':'a'},{'type':'keypress','keys':['ENTER']}]}");
      assertThat(batch).isEqualTo(new ParsedStep("openai", List.of(perform(new Action.Type("a")), perform(new Action.Key("Return")))));
    }

    @Test
    void bareWrappedAndBatchedActionsAreOpenAis() {
      assertThat(parse("{'type':'move','x':1,'y':2}").schema()).isEqualTo("openai");
      assertThat(parse("{'action':{'type':'move','x':1,'y':2}}"))
          .isEqualTo(new ParsedStep("openai", List.of(perform(new Action.Move(1, 2)))));
      assertThat(parse("{'actions':[{'type':'move','x':1,'y':2},{'type':'wait'}]}"))
          .isEqualTo(new ParsedStep("openai", List.of(perform(new Action.Move(1, 2)), perform(new Action.Wait(1000)))));
    }
  }

  @Nested
  class Anthropic {
    @ParameterizedTest(name = "{0} {1} -> dx {2}, dy {3}")
    @CsvSource({"up,3,0,-3", "down,3,0,3", "left,2,-2,0", "right,2,2,0", "down,0,0,0"})
    void scrollDirectionsBecomeSignedWheelClicks(String direction, int amount, int dx, int dy) {
      assertThat(action("{'action':'scroll','coordinate':[10,20],'scroll_direction':'" + direction + "','scroll_amount':" + amount + "}"))
          .isEqualTo(new Action.Scroll(10, 20, dx, dy));
    }

    @Test
    void anEmptyModifierTextIsFine() {
      assertThat(action("{'action':'left_click','coordinate':[10,20],'text':''}")).isEqualTo(new Action.Click(10, 20));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ctrl+s|ctrl+s", "Return|Return", "Enter|Return", "KP_Enter|KP_Enter", "Esc|Escape", "Escape|Escape",
        "cmd+c|super+c", "meta+c|super+c", "super|super", "Page_Down|Page_Down", "Page_Up|Page_Up", "Next|Page_Down",
        "alt+Tab|alt+Tab", "ctrl+shift+T|ctrl+shift+T", "shift+A|shift+A", "BackSpace|BackSpace", "Delete|Delete",
        "Up|Up", "Left|Left", "F5|F5", "f5|F5", "ctrl+plus|ctrl+plus", "ctrl++|ctrl+plus", "Shift_L|Shift_L",
        "bracketleft|bracketleft", "ctrl+a Delete|ctrl+a Delete", "space|space", "Home|Home", "control+End|ctrl+End"})
    void xdotoolKeyNamesBecomeTheDesktopsNames(String text, String keys) {
      assertThat(action("{'action':'key','text':'" + text + "'}")).isEqualTo(new Action.Key(keys));
    }

    @Test
    void toolUseBlocksOfTheComputerTool() {
      ParsedStep step = parse("{'type':'tool_use','id':'toolu_1','name':'computer','input':{'action':'left_click','coordinate':[5,6]}}");
      assertThat(step).isEqualTo(new ParsedStep("anthropic", List.of(perform(new Action.Click(5, 6)))));
      assertThat(parse("{'type':'tool_use','id':'t','name':'computer','input':{'action':'type','text':'x'}}").schema())
          .isEqualTo("anthropic");
    }

    @Test
    void memberToolsNameTheAction() {
      assertThat(parse("{'type':'tool_use','id':'t','name':'left_click','input':{'coordinate':[5,6]}}"))
          .isEqualTo(new ParsedStep("anthropic", List.of(perform(new Action.Click(5, 6)))));
      assertThat(parse("{'name':'scroll','input':{'coordinate':[5,6],'scroll_direction':'down','scroll_amount':1}}"))
          .isEqualTo(new ParsedStep("anthropic", List.of(perform(new Action.Scroll(5, 6, 0, 1)))));
      assertThat(parse("{'name':'type','input':{'text':'hi'}}"))
          .isEqualTo(new ParsedStep("anthropic", List.of(perform(new Action.Type("hi")))));
      assertThat(commands("{'name':'screenshot','input':{}}")).containsExactly(new Observe("screenshot"));
      assertThat(action("{'name':'key','input':{'action':'key','text':'Return'}}")).isEqualTo(new Action.Key("Return"));
    }
  }

  @Nested
  class Detection {
    /** The names ActionSchemas' class comment says need their fields to tell deskforge's from Anthropic's. */
    @Test
    void theNamesBothSchemasHaveAreTheDocumentedOnes() {
      Set<String> shared = new LinkedHashSet<>(ActionSchemas.actionNames("deskforge"));
      shared.retainAll(ActionSchemas.actionNames("anthropic"));
      assertThat(shared).containsExactlyInAnyOrder("type", "key", "hold_key", "scroll", "wait", "screenshot", "double_click",
          "right_click", "middle_click", "triple_click");
    }

    @Test
    void sharedNamesWithSharedFieldsReadAsDeskforgeAndMeanTheSame() {
      ParsedStep detected = parse("{'action':'type','text':'x'}");
      ParsedStep forced = parse("{'action':'type','text':'x','schema':'anthropic'}");
      assertThat(detected).isEqualTo(new ParsedStep("deskforge", List.of(perform(new Action.Type("x")))));
      assertThat(forced).isEqualTo(new ParsedStep("anthropic", List.of(perform(new Action.Type("x")))));
    }

    /** Names only one schema has decide; a name both have is decided by a field only one has; else deskforge. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'action':'click','x':1,'y':2}                                                   | deskforge",
        "{'action':'move','x':1,'y':2}                                                    | deskforge",
        "{'action':'left_click','coordinate':[1,2]}                                       | anthropic",
        "{'action':'cursor_position'}                                                     | anthropic",
        "{'action':'key','text':'ctrl+s'}                                                 | anthropic",
        "{'action':'key','keys':'ctrl+s'}                                                 | deskforge",
        "{'action':'hold_key','text':'a','duration':1}                                    | anthropic",
        "{'action':'hold_key','keys':'a','ms':1000}                                       | deskforge",
        "{'action':'wait','duration':1}                                                   | anthropic",
        "{'action':'wait','ms':1000}                                                      | deskforge",
        "{'action':'scroll','coordinate':[1,2],'scroll_direction':'up','scroll_amount':1} | anthropic",
        "{'action':'scroll','x':1,'y':2,'dx':0,'dy':1}                                    | deskforge",
        "{'action':'double_click','coordinate':[1,2]}                                     | anthropic",
        "{'action':'double_click','x':1,'y':2}                                            | deskforge",
        "{'action':'right_click'}                                                         | anthropic",
        "{'action':'triple_click'}                                                        | anthropic",
        "{'action':'type','text':'x'}                                                     | deskforge",
        "{'action':'screenshot'}                                                          | deskforge"})
    void detectsTheSchema(String body, String schema) {
      assertThat(parse(body).schema()).isEqualTo(schema);
    }

    @Test
    void aBatchIsInTheSchemaItsActionsTell() {
      ParsedStep anthropic = parse("{'actions':[{'action':'type','text':'a'},{'action':'left_click'},{'action':'key','text':'Return'}]}");
      assertThat(anthropic).isEqualTo(new ParsedStep("anthropic", List.of(
          perform(new Action.Type("a")), perform(new Action.Click(640, 400)), perform(new Action.Key("Return")))));
    }

    @Test
    void theSchemaFieldForcesOne() {
      assertThat(parse("{'schema':'deskforge','action':'click','x':1,'y':2}").schema()).isEqualTo("deskforge");
      assertThat(parse("{'schema':'openai','type':'computer_call','action':{'type':'wait'}}").schema()).isEqualTo("openai");
    }
  }

  @Nested
  class Batches {
    @Test
    void atMost64CommandsABody() {
      String click = "{'action':'click','x':1,'y':2}";
      assertThat(commands("{'actions':[" + String.join(",", Collections.nCopies(64, click)) + "]}")).hasSize(64);
      assertThat(refused("{'actions':[" + String.join(",", Collections.nCopies(65, click)) + "]}").field()).isEqualTo("/actions");
      // counted after a long drag path is expanded
      String path = IntStream.range(0, 40).mapToObj(i -> "{'x':" + i + ",'y':1}").collect(Collectors.joining(","));
      String drag = "{'type':'drag','path':[" + path + "]}";
      ActionException e = refused("{'actions':[" + drag + "," + drag + "]}");
      assertThat(e.getMessage()).isEqualTo("/actions: 80 commands; a body holds at most 64");
    }

    @Test
    void doneMayEndABatch() {
      assertThat(commands("{'actions':[{'action':'type','text':'a'},{'action':'done'}]}"))
          .containsExactly(perform(new Action.Type("a")), new Terminate(true));
    }
  }

  @Nested
  class Table {
    @Test
    void everyMappedActionHasARowAndEveryRowIsMapped() {
      for (String schema : List.of("deskforge", "openai", "anthropic")) {
        Set<String> rows = ActionSchemas.mappings().stream().filter(m -> m.schema().equals(schema))
            .map(Mapping::action).collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(rows).as(schema).containsExactlyInAnyOrderElementsOf(ActionSchemas.actionNames(schema));
      }
    }

    @Test
    void theSchemasKnowTheActionsTheirSpecificationsList() {
      // written out here from deskforge's Action and the OpenAI and Anthropic tool references, not from the code under test
      assertThat(ActionSchemas.actionNames("deskforge")).containsExactlyInAnyOrder("click", "double_click", "right_click",
          "middle_click", "triple_click", "mouse_down", "mouse_up", "move", "drag", "scroll", "type", "key", "hold_key", "wait",
          "wait_window", "wait_menu", "wait_idle", "click_until_window", "screenshot", "done", "fail");
      assertThat(ActionSchemas.actionNames("openai")).containsExactlyInAnyOrder("click", "double_click", "scroll", "type",
          "keypress", "drag", "move", "wait", "screenshot");
      assertThat(ActionSchemas.actionNames("anthropic")).containsExactlyInAnyOrder("key", "hold_key", "type", "cursor_position",
          "mouse_move", "left_mouse_down", "left_mouse_up", "left_click", "left_click_drag", "right_click", "middle_click",
          "double_click", "triple_click", "scroll", "wait", "screenshot", "zoom");
    }

    @Test
    void everyRowsExampleBecomesWhatItsDeskforgeColumnSays() {
      List<String> checked = new ArrayList<>();
      for (Mapping m : ActionSchemas.mappings()) {
        ObjectNode body = (ObjectNode) json(m.example());
        body.put("schema", m.schema());
        String what = m.schema() + " " + m.action() + " {" + m.fields() + "}";
        if (m.deskforge().equals(Mapping.REFUSED)) {
          assertThatThrownBy(() -> ActionSchemas.parse(body, SCREEN)).as(what)
              .isInstanceOf(ActionException.class).hasMessageContaining("not supported");
        } else {
          ParsedStep step = ActionSchemas.parse(body, SCREEN);
          assertThat(step.schema()).as(what).isEqualTo(m.schema());
          assertThat(step.commands().stream().map(ActionSchemasTest::name).distinct().collect(Collectors.joining(", ")))
              .as(what).isEqualTo(m.deskforge());
        }
        checked.add(what);
      }
      assertThat(checked).hasSize(ActionSchemas.mappings().size()).hasSizeGreaterThan(45);
    }

    @Test
    void everyRowsExampleIsDetectedInItsSchemaUnlessItMeansTheSameInDeskforges() {
      Set<String> readAsDeskforge = Set.of("anthropic type", "anthropic screenshot");
      for (Mapping m : ActionSchemas.mappings()) {
        String what = m.schema() + " " + m.action();
        String expected = readAsDeskforge.contains(what) ? "deskforge" : m.schema();
        try {
          assertThat(ActionSchemas.parse(json(m.example()), SCREEN).schema()).as(what).isEqualTo(expected);
        } catch (ActionException e) {
          assertThat(m.deskforge()).as(what + ": " + e.getMessage()).isEqualTo(Mapping.REFUSED);
        }
      }
    }

    @Test
    void theMarkdownTableHasARowPerMapping() {
      String table = ActionSchemas.mappingTable();
      List<String> lines = table.lines().toList();
      assertThat(lines.get(0)).isEqualTo("| schema | their action | deskforge action | notes |");
      assertThat(lines.get(1)).isEqualTo("|---|---|---|---|");
      assertThat(lines).hasSize(ActionSchemas.mappings().size() + 2);
      assertThat(lines).contains("| openai | `click {x, y, button: wheel}` | `middle_click` |  |");
      assertThat(lines).anyMatch(l -> l.startsWith("| openai | `drag {path: 3 or more points}` | `mouse_down`, `move`, `mouse_up` | "));
      assertThat(lines).anyMatch(l -> l.startsWith("| openai | `click {x, y, button: back \\| forward}` | refused | "));
      assertThat(lines).anyMatch(l -> l.startsWith("| anthropic | `mouse_move {coordinate}` | `move` |"));
      assertThat(lines).anyMatch(l -> l.startsWith("| deskforge | `done` | `done` |"));
      assertThat(lines.subList(2, lines.size())).allMatch(l -> l.startsWith("| ") && l.endsWith(" |") && l.split(" \\| ").length == 4);
    }
  }

  @Nested
  class Keys {
    @Test
    void everyNameTheAliasesGiveIsOneTheDesktopKnows() {
      assertThat(KeyNames.recordedNames()).contains("ctrl", "super", "Return", "Escape", "Page_Down", "F12", "plus");
      for (String name : KeyNames.recordedNames()) assertThat(Keysyms.byName(name)).as(name).isGreaterThanOrEqualTo(0);
    }

    @Test
    void lettersAreKeysForOpenAiAndCharactersForXdotool() {
      assertThat(KeyNames.recorded("A", true)).isEqualTo("a");
      assertThat(KeyNames.recorded("A", false)).isEqualTo("A");
      assertThat(KeyNames.recorded("Hyper", false)).isNull();
      assertThat(KeyNames.recorded("page down", false)).isNull();
    }

    @Test
    void combinationsSplitOnPlus() {
      assertThat(KeyNames.split("ctrl+shift+t", "")).containsExactly("ctrl", "shift", "t");
      assertThat(KeyNames.split("ctrl++", "")).containsExactly("ctrl", "+");
      assertThat(KeyNames.split("+", "")).containsExactly("+");
      assertThatThrownBy(() -> KeyNames.split("ctrl+", "/k")).isInstanceOf(ActionException.class).hasMessageStartingWith("/k: ");
    }
  }

  @Test
  void aScreenHasASize() {
    assertThatThrownBy(() -> new Screen(0, 800, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActionSchemas.parse(json("{'action':'done'}"), null)).isInstanceOf(IllegalArgumentException.class);
  }
}
