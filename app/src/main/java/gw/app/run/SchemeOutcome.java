package gw.app.run;

import gw.experiment.CellResult;

/** One scheme's part of a run: its finished cell, or the reason it has none (divergence, bad setting). */
public record SchemeOutcome(String scheme, CellResult result, String error) {

    public static SchemeOutcome ok(String scheme, CellResult result) {
        return new SchemeOutcome(scheme, result, null);
    }

    public static SchemeOutcome failed(String scheme, String error) {
        return new SchemeOutcome(scheme, null, error);
    }

    public boolean ok() {
        return error == null && result != null && result.complete();
    }
}
