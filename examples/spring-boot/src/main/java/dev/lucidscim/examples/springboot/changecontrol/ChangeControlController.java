package dev.lucidscim.examples.springboot.changecontrol;

import dev.lucidscim.examples.springboot.security.ChangeControlPageEnabled;
import dev.lucidscim.examples.springboot.security.ChangeControlRole;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static dev.lucidscim.examples.springboot.security.ChangeControlSecurityConfiguration.LOGIN;
import static dev.lucidscim.examples.springboot.security.ChangeControlSecurityConfiguration.PAGE;

/**
 * The change-control page: the runs, a run's ledger with its revert (a dry run first, then the confirmed revert),
 * and the pending plans with Approve and Reject. Who may do what is decided by {@link
 * dev.lucidscim.examples.springboot.security.ChangeControlSecurityConfiguration}; the templates only hide the buttons
 * a viewer may not use. Every value is written with {@code th:text}, so escaped.
 */
@Controller
@Conditional(ChangeControlPageEnabled.class)
public class ChangeControlController {

    private final ChangeControl changeControl;

    public ChangeControlController(ChangeControl changeControl) {
        this.changeControl = changeControl;
    }

    @ModelAttribute
    void person(Model model, Authentication person) {
        model.addAttribute("person", person == null ? null : person.getName());
        model.addAttribute("approver", ChangeControlRole.APPROVER.isGrantedTo(person));
    }

    @GetMapping(LOGIN)
    String login() {
        return "change-control/login";
    }

    @GetMapping(PAGE + "/runs")
    String runs(Model model) {
        model.addAttribute("runs", changeControl.runs());
        return "change-control/runs";
    }

    @GetMapping(PAGE + "/runs/{runId}")
    String run(@PathVariable String runId, Model model) {
        model.addAttribute("runId", runId);
        model.addAttribute("records", changeControl.recordsOfRun(runId));
        return "change-control/run";
    }

    @PostMapping(PAGE + "/runs/{runId}/revert-plan")
    String revertPlan(@PathVariable String runId, Model model, RedirectAttributes flash) {
        try {
            model.addAttribute("runId", runId);
            model.addAttribute("plan", changeControl.revertDryRun(runId));
            return "change-control/revert";
        } catch (ChangeControlFailure failure) {
            flash.addFlashAttribute("problem", failure.getMessage());
            return "redirect:" + PAGE + "/runs/{runId}";
        }
    }

    @PostMapping(PAGE + "/runs/{runId}/revert")
    String revert(@PathVariable String runId, RedirectAttributes flash) {
        try {
            String revertRun = changeControl.revert(runId);
            flash.addFlashAttribute("notice", "Run " + runId + " reverted by run " + revertRun + ".");
            flash.addAttribute("revertRun", revertRun);
            return "redirect:" + PAGE + "/runs/{revertRun}";
        } catch (ChangeControlFailure failure) {
            flash.addFlashAttribute("problem", failure.getMessage());
            return "redirect:" + PAGE + "/runs/{runId}";
        }
    }

    @GetMapping(PAGE + "/plans")
    String plans(Model model) {
        model.addAttribute("pending", changeControl.pendingPlans());
        return "change-control/plans";
    }

    @PostMapping(PAGE + "/plans/{planId}/approve")
    String approve(@PathVariable String planId, Authentication approver, RedirectAttributes flash) {
        try {
            String run = changeControl.approve(planId, approver.getName());
            flash.addFlashAttribute("notice", "Plan " + planId + " approved and applied by run " + run + ".");
            return "redirect:" + PAGE + "/runs";
        } catch (ChangeControlFailure failure) {
            flash.addFlashAttribute("problem", failure.getMessage());
            return "redirect:" + PAGE + "/plans";
        }
    }

    @PostMapping(PAGE + "/plans/{planId}/reject")
    String reject(@PathVariable String planId, Authentication rejecter, RedirectAttributes flash) {
        try {
            changeControl.reject(planId, rejecter.getName());
            flash.addFlashAttribute("notice", "Plan " + planId + " rejected: nothing was written.");
        } catch (ChangeControlFailure failure) {
            flash.addFlashAttribute("problem", failure.getMessage());
        }
        return "redirect:" + PAGE + "/plans";
    }
}
