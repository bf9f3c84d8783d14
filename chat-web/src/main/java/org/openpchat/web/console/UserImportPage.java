package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;

/**
 * A user import's job as it is now: its phase and progress while it runs (the page polls, or is
 * reloaded), then what it created and updated and the lines it refused.
 */
@Named
@ViewScoped
public class UserImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Jobs jobs;
    @Inject
    private ConsoleUser user;

    private String jobId;
    private JobView job;

    public JobView getJob() {
        if (job == null && jobId != null) {
            job = Feedback.attempt(null, () -> jobs.find(user.actor(), jobId).view()).orElse(null);
        }
        return job;
    }

    /** The poll's listener: reads the job again. */
    public void refresh() {
        job = null;
    }

    public boolean isRunning() {
        return getJob() != null && getJob().finishedAt() == null;
    }

    public int getPercent() {
        JobView view = getJob();
        if (view == null) {
            return 0;
        }
        if (view.succeeded()) {
            return 100;
        }
        return view.total() <= 0 ? 0 : (int) Math.min(99, view.done() * 100 / view.total());
    }

    public Object count(String name) {
        JobView view = getJob();
        return view == null || view.result() == null ? null : view.result().getOrDefault(name, 0);
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }
}
