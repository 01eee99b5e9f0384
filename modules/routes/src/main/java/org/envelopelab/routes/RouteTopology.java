package org.envelopelab.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.OtherwiseDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.WhenDefinition;

import java.util.List;

/**
 * Prints the Camel routes as an indented outline — each route's input, then its steps with the
 * descriptions the route builder gave them — so a student can see the wiring without reading Java.
 */
final class RouteTopology {

    private RouteTopology() {
    }

    static String describe(CamelContext camel, String errorHandling) {
        List<RouteDefinition> routes = camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions();
        StringBuilder out = new StringBuilder("error handling: ").append(errorHandling).append("\n\n");
        for (RouteDefinition route : routes) {
            out.append("route ").append(route.getRouteId()).append(": from ").append(route.getInput().getEndpointUri());
            if (route.getDescriptionText() != null) {
                out.append("\n  -- ").append(route.getDescriptionText());
            }
            out.append('\n');
            steps(route.getOutputs(), 1, out);
            out.append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static void steps(List<ProcessorDefinition<?>> steps, int depth, StringBuilder out) {
        for (ProcessorDefinition<?> step : steps) {
            if (step instanceof ChoiceDefinition choice) {
                line(depth, "choice", step, out);
                for (WhenDefinition when : choice.getWhenClauses()) {
                    line(depth + 1, "when " + when.getExpression(), null, out);
                    steps(when.getOutputs(), depth + 2, out);
                }
                OtherwiseDefinition otherwise = choice.getOtherwise();
                if (otherwise != null) {
                    line(depth + 1, "otherwise", null, out);
                    steps(otherwise.getOutputs(), depth + 2, out);
                }
                continue;
            }
            if (step instanceof OnExceptionDefinition) {
                continue; // error handling comes from the route configuration, described once above
            }
            line(depth, label(step), step, out);
            steps(step.getOutputs(), depth + 1, out);
        }
    }

    /** "relay: SmtpRelay.deliver" rather than Camel's "bean[org.envelopelab.routes.delivery.SmtpRelay]". */
    private static String label(ProcessorDefinition<?> step) {
        String label = step.getLabel();
        if (step instanceof BeanDefinition bean && bean.getBean() != null) {
            label = bean.getBean().getClass().getSimpleName() + (bean.getMethod() == null ? "" : "." + bean.getMethod().replaceAll("\\(.*", ""));
        }
        return step.hasCustomIdAssigned() ? step.getId() + ": " + label : label;
    }

    private static void line(int depth, String label, ProcessorDefinition<?> step, StringBuilder out) {
        out.append("  ".repeat(depth)).append("- ").append(label);
        if (step != null && step.getDescriptionText() != null) {
            out.append("  -- ").append(step.getDescriptionText());
        }
        out.append('\n');
    }
}
