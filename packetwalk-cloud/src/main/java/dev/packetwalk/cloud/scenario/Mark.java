package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.ModelException;

import java.util.function.Supplier;

/** A place in a scenario's text: the source's name, and a line and column counted from 1. */
record Mark(String source, int line, int column) {
    ScenarioException error(String problem) {
        return new ScenarioException(source, line, column, problem);
    }

    /** Runs a model operation for what starts here: a refusal by the model becomes an error at this place. */
    <T> T run(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ModelException e) {
            throw error(e.getMessage());
        }
    }
}
