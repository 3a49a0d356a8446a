package gw.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.charts.SchemeStyle;
import gw.app.state.Schemes;
import gw.guidance.Greedy;
import gw.spec.SchemeDescriptor;
import gw.spec.SchemeRegistry;
import java.awt.Color;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A scheme registered in the engine shows up in the app's chooser with its label, tooltip and colour. */
@ExtendWith(ApplicationExtension.class)
class SchemeChooserTest {

    @Test
    void aRegisteredSchemeIsOffered() throws Exception {
        SchemeDescriptor dummy = new SchemeDescriptor("dummy", "dummy label", "A test scheme.",
                SchemeDescriptor.Kind.PER_STEP, 0x123456, s -> new Greedy(), s -> 2);
        try (AutoCloseable r = SchemeRegistry.register(dummy)) {
            SchemeToggles toggles = WaitForAsyncUtils.asyncFx(SchemeToggles::new).get();
            CheckBox box = toggles.box("dummy");
            assertNotNull(box, "the chooser has a box for the registered scheme");
            assertEquals("dummy", Schemes.ALL.get(Schemes.ALL.size() - 1), "after the built-in schemes");
            assertEquals("dummy label", Schemes.label("dummy", null));
            assertEquals("A test scheme.", Schemes.explain("dummy"));
            assertEquals(new Color(0x12, 0x34, 0x56), SchemeStyle.color("dummy"));
            assertTrue(Schemes.guided("dummy"));
        }
        assertFalse(Schemes.ALL.contains("dummy"));
        assertFalse(WaitForAsyncUtils.asyncFx(SchemeToggles::new).get().getChildren().stream()
                .anyMatch(n -> "scheme-dummy".equals(n.getId())));
    }
}
