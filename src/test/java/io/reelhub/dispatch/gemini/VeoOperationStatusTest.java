package io.reelhub.dispatch.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.reelhub.dispatch.RenderStatus;
import io.reelhub.dispatch.RenderStatus.Phase;

/** How Veo operations read, including the nesting that parsers get wrong (QuantumNous/new-api PR #6838). */
class VeoOperationStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOperationWithoutDoneIsStillRunning() throws Exception {
        assertThat(status("{\"name\":\"models/m/operations/1\"}", false).phase()).isEqualTo(Phase.RUNNING);
    }

    @Test
    void samplesUnderGenerateVideoResponseMeanSuccessOnTheGeminiApi() throws Exception {
        RenderStatus status = status("""
                {"name":"n","done":true,"response":{"generateVideoResponse":{"generatedSamples":[
                  {"video":{"uri":"https://example.invalid/v1beta/files/abc:download?alt=media"}}]}}}""", false);
        assertThat(status.phase()).isEqualTo(Phase.SUCCEEDED);
    }

    @Test
    void filterReasonsAreReadOneLevelDownNotAtTheResponse() throws Exception {
        RenderStatus status = status("""
                {"name":"n","done":true,"response":{"@type":"t","generateVideoResponse":{
                  "raiMediaFilteredCount":1,"raiMediaFilteredReasons":["Veo could not generate 1 videos. You will not be charged."]}}}""",
                false);
        assertThat(status.phase()).isEqualTo(Phase.FAILED);
        assertThat(status.errorCode()).isEqualTo("content_policy");
        assertThat(status.errorMessage()).contains("You will not be charged").contains("not retried");
    }

    @Test
    void onlyAudioReasonsAreWorthAnotherGeneration() throws Exception {
        RenderStatus audio = status("""
                {"done":true,"response":{"generateVideoResponse":{"raiMediaFilteredCount":1,
                  "raiMediaFilteredReasons":["We encountered an issue with the audio for your prompt."]}}}""", false);
        RenderStatus mixed = status("""
                {"done":true,"response":{"generateVideoResponse":{"raiMediaFilteredCount":2,
                  "raiMediaFilteredReasons":["issue with the audio","unsafe content"]}}}""", false);
        assertThat(audio.phase()).isEqualTo(Phase.FAILED_RETRYABLE);
        assertThat(audio.errorCode()).isEqualTo("rai_audio_filtered");
        assertThat(mixed.phase()).isEqualTo(Phase.FAILED);
    }

    @Test
    void operationErrorsFailExceptExhaustedQuota() throws Exception {
        RenderStatus internal = status("{\"done\":true,\"error\":{\"code\":13,\"message\":\"boom\"}}", false);
        RenderStatus quota = status("{\"done\":true,\"error\":{\"code\":8,\"message\":\"quota\"}}", false);
        assertThat(internal.phase()).isEqualTo(Phase.FAILED);
        assertThat(internal.failureReason()).isEqualTo("operation error 13: boom");
        assertThat(quota.phase()).isEqualTo(Phase.FAILED_RETRYABLE);
    }

    @Test
    void vertexKeepsItsVideosDirectlyUnderTheResponse() throws Exception {
        assertThat(status("{\"done\":true,\"response\":{\"videos\":[{\"bytesBase64Encoded\":true}]}}", true).phase())
                .isEqualTo(Phase.SUCCEEDED);
        assertThat(status("{\"done\":true,\"response\":{\"videos\":[{\"bytesBase64Encoded\":true}]}}", false).phase())
                .isEqualTo(Phase.FAILED);
    }

    @Test
    void theVertexReaderSkipsInlineVideosForPollsAndDecodesTheFirstForDownloads() throws Exception {
        byte[] clip = "not really an mp4, but bytes all the same".getBytes(StandardCharsets.UTF_8);
        String operation = "{\"name\":\"n\",\"done\":true,\"response\":{\"videos\":[{\"mimeType\":\"video/mp4\","
                + "\"bytesBase64Encoded\":\"" + Base64.getEncoder().encodeToString(clip) + "\"}]}}";

        JsonNode light = VertexOperationReader.withoutVideoBytes(stream(operation));
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        long count = VertexOperationReader.firstVideoTo(stream(operation), decoded);

        assertThat(light.path("response").path("videos").get(0).path("bytesBase64Encoded").asBoolean()).isTrue();
        assertThat(light.path("response").path("videos").get(0).path("mimeType").asText()).isEqualTo("video/mp4");
        assertThat(count).isEqualTo(clip.length);
        assertThat(decoded.toByteArray()).isEqualTo(clip);
        assertThat(VertexOperationReader.firstVideoTo(stream("{\"done\":true}"), new ByteArrayOutputStream()))
                .isEqualTo(-1);
    }

    private static RenderStatus status(String json, boolean vertex) throws Exception {
        return VeoOperationStatus.of(JSON.readTree(json), vertex);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
